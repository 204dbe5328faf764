package app.registrar.ui.reauth;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.service.ConnectionService;
import app.registrar.service.ManualTaskExecutor;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FakeHomeserver;
import app.registrar.testing.FakeSession;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The password-again dialog against a fake homeserver, each step run by hand: busy while the sign-in is on its way,
 * one request however often the button is pressed, closed and the password forgotten on success, kept on refusal.
 */
@Tag("fast")
class ReauthViewModelFastTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final FakeHomeserver homeserver = new FakeHomeserver();
    private final ManualTaskExecutor executor = new ManualTaskExecutor();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final List<String> signedInAgain = new ArrayList<>();
    private ConnectionService connection;

    @BeforeEach
    void signInOnce() {
        connection = FakeSession.signIn(server, homeserver, executor).connection;
    }

    private ReauthViewModel model() {
        return new ReauthViewModel(connection, dialogs, FakeHomeserver.ADMIN, () -> signedInAgain.add("yes"));
    }

    private long loginPosts() {
        return homeserver.requests.stream().filter(r -> r.getMethod().equals("POST")
                && r.getUrl().encodedPath().equals("/_matrix/client/v3/login")).count();
    }

    @Test
    void signingInAgainIsBusyUntilTheServerAnswersAndSendsOnceHoweverOftenPressed() {
        ReauthViewModel model = model();
        model.passwordProperty().set("Again-Pass-2026!");

        model.signIn();
        model.signIn();

        assertThat(model.isBusy()).isTrue();
        assertThat(model.canSignInProperty().get()).isFalse();
        assertThat(model.closeRequestedProperty().get()).isFalse();
        executor.runAll();
        assertThat(loginPosts()).isEqualTo(1);
        assertThat(model.isBusy()).isFalse();
        assertThat(model.closeRequestedProperty().get()).isTrue();
        assertThat(model.passwordProperty().get()).as("the password is forgotten once used").isEmpty();
        assertThat(signedInAgain).containsExactly("yes");
        assertThat(dialogs.notifications).containsExactly(tr("reauth.done"));
    }

    @Test
    void aRefusedPasswordKeepsTheDialogOpenWithAPlainSentenceAndWhatWasTyped() {
        homeserver.answer("POST /_matrix/client/v3/login", FakeHomeserver.json(403,
                "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"Invalid username or password\"}"));
        ReauthViewModel model = model();
        model.passwordProperty().set("Wrong-Pass-2026!");

        model.signIn();
        executor.runAll();

        assertThat(model.getError().message()).isEqualTo(tr("error.wrong.credentials"));
        assertThat(model.closeRequestedProperty().get()).isFalse();
        assertThat(model.passwordProperty().get()).isEqualTo("Wrong-Pass-2026!");
        assertThat(model.canSignInProperty().get()).as("the admin can try again").isTrue();
        assertThat(signedInAgain).isEmpty();
    }

    @Test
    void anEmptyPasswordSendsNothing() {
        ReauthViewModel model = model();

        model.signIn();

        assertThat(executor.pendingCount()).isZero();
        assertThat(model.isBusy()).isFalse();
    }

    @Test
    void closingTheDialogForgetsThePassword() {
        ReauthViewModel model = model();
        model.passwordProperty().set("Typed-Pass-2026!");

        model.clearSecrets();

        assertThat(model.passwordProperty().get()).isEmpty();
    }
}
