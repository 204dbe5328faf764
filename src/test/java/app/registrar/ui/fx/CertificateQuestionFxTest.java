package app.registrar.ui.fx;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.RegistrarApp;
import app.registrar.api.CertificatePins;
import app.registrar.api.PresentedCertificate;
import app.registrar.testing.FakeHomeserver;
import app.registrar.testing.Screenshots;
import java.net.InetAddress;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The certificate question in the real app, headless: a homeserver with a self-signed certificate (played by
 * MockWebServer) makes the connect screen ask, the question is saved as a screenshot, and trusting it pins the
 * fingerprint and signs in.
 */
class CertificateQuestionFxTest {

    private static final FxRobot robot = new FxRobot();
    private static final HeldCertificate SELF_SIGNED = new HeldCertificate.Builder()
            .commonName("matrix.home.lan").addSubjectAlternativeName("localhost").build();
    private static final FakeHomeserver homeserver = new FakeHomeserver();
    private static final MockWebServer server = new MockWebServer();
    private static final String TRUST_NODE = "app/registrar/test/" + UUID.randomUUID();
    private static final String PREFS_NODE = "app/registrar/test/" + UUID.randomUUID();
    private static Application app;

    @BeforeAll
    static void startApp() throws Exception {
        server.setDispatcher(homeserver);
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(SELF_SIGNED).build().sslSocketFactory());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        System.setProperty("registrar.prefs", PREFS_NODE);
        System.setProperty("registrar.trust.prefs", TRUST_NODE);
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(RegistrarApp.class);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.hideStage();
        System.clearProperty("registrar.trust.prefs");
        server.close();
        Preferences.userRoot().node(TRUST_NODE).removeNode();
        Preferences.userRoot().node(PREFS_NODE).removeNode();
    }

    private static boolean showing(String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent();
    }

    @Test
    void selfSignedServerIsAskedAboutWithItsFingerprintAndTrustingItSignsIn() throws Exception {
        String address = "https://localhost:" + server.getPort();
        robot.clickOn("#server");
        robot.write(address);
        robot.clickOn("#user").write("admin");
        robot.clickOn("#password").write("Fx-Pass-2026!");
        robot.clickOn("#signIn");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing("#certificateFingerprint"));
        WaitForAsyncUtils.waitForFxEvents();
        TextInputControl fingerprint = robot.lookup("#certificateFingerprint").queryAs(TextInputControl.class);
        String expected = PresentedCertificate.fingerprint(SELF_SIGNED.certificate());
        assertThat(fingerprint.getText().replace("\n", ":")).isEqualTo(expected);
        assertThat(fingerprint.isEditable()).isFalse();
        Window question = fingerprint.getScene().getWindow();
        robot.interact(() -> Screenshots.save(question.getScene(), "certificate-question"));
        assertThat(homeserver.requests).as("nothing sent before the admin decided").isEmpty();

        robot.clickOn(tr("certificate.trust"));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> homeserver.paths().contains("/_matrix/client/v3/login"));
        assertThat(CertificatePins.inPreferences(Preferences.userRoot().node(TRUST_NODE)).pinned("localhost", server.getPort()))
                .contains(expected);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing("#signedIn"));
        robot.interact(() -> Screenshots.save(robot.listTargetWindows().get(0).getScene(), "certificate-trusted-signed-in"));
    }
}
