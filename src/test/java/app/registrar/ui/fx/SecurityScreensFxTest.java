package app.registrar.ui.fx;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.RegistrationToken;
import app.registrar.api.Threepid;
import app.registrar.api.UserUpdate;
import app.registrar.testing.CrossSigningFixture.Session;
import app.registrar.testing.CrossSigningFixture;
import app.registrar.testing.FxAppHarness;
import app.registrar.testing.Screenshots;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12's screens in the real app (worker threads, JavaFX thread) against the real Synapse: the account panel
 * with each device's verification, the encryption-reset helper, the welcome message, the invites screen and an
 * email conflict that opens the other account. Each screen is saved as a screenshot.
 */
@ExtendWith(SynapseExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityScreensFxTest {

    private static final String PASSWORD = "Screens-Pass-123!";
    private static final FxAppHarness ui = new FxAppHarness("security");
    private static final FxRobot robot = ui.robot();
    private static TestSynapse synapse;
    private static AdminApi admin;
    private static String userId;
    private static String heldAddress;
    private static String holderId;
    private static Session phone;
    private static Session laptop;
    private static Session tablet;
    private static Session script;

    @BeforeAll
    static void prepare(TestSynapse server) throws Exception {
        synapse = server;
        admin = server.signedInAdmin().admin();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        userId = "@nadia-" + suffix + ":" + server.serverName();
        admin.createUser(userId, new UserUpdate().password(PASSWORD).displayName("Nadia Kowalski")
                .threepids(List.of(Threepid.email("nadia-" + suffix + "@example.org"))));
        CrossSigningFixture person = new CrossSigningFixture(server, userId, PASSWORD);
        phone = person.uploadDeviceKeys(person.signIn("Element on Pixel 8"));
        laptop = person.uploadDeviceKeys(person.signIn("Element Desktop (work laptop)"));
        tablet = person.uploadDeviceKeys(person.signIn("Element on iPad"));
        script = person.signIn("backup script");
        person.setUpCrossSigning(phone);
        person.verify(phone, phone);
        person.verify(phone, laptop);
        heldAddress = "shared-" + suffix + "@example.org";
        holderId = "@olek-" + suffix + ":" + server.serverName();
        admin.createUser(holderId, new UserUpdate().password(PASSWORD).displayName("Olek Nowak")
                .threepids(List.of(Threepid.email(heldAddress))));

        ui.start();
    }

    @AfterAll
    static void stopApp() throws TimeoutException {
        ui.stop();
    }

    /** The details panel scrolled to the top (0) or bottom (1), so the button a step clicks is on screen. */
    private static void scrollDetails(double position) {
        ScrollPane scroll = robot.lookup(".details-pane .scroll-pane").queryAllAs(ScrollPane.class).stream()
                .filter(p -> p.getContent() instanceof VBox).findFirst().orElseThrow();
        robot.interact(() -> scroll.setVvalue(position));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    @Test
    @Order(1)
    void signsInAndShowsEachDevicesVerificationInTheAccountPanel() throws Exception {
        ui.signInAsAdmin(synapse);
        ui.type("#search", userId.substring(1, userId.indexOf(':')));
        TableView<?> table = robot.lookup("#userTable").queryAs(TableView.class);
        ui.waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).toString().equals(userId));
        robot.clickOn(robot.lookup("#userTable .table-row-cell").nth(0).queryAs(Node.class));
        // A click that lands while the rows are being rebuilt selects nothing; select the row itself then.
        robot.interact(() -> {
            if (table.getSelectionModel().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        });

        ui.waitUntil(() -> ui.showing("#trust-" + phone.deviceId()) && ui.showing("#trust-" + script.deviceId())
                && ui.showing("#recoveryLine"));
        assertThat(text("#trust-" + phone.deviceId())).isEqualTo(tr("encryption.device.verified"));
        assertThat(text("#trust-" + laptop.deviceId())).isEqualTo(tr("encryption.device.verified"));
        assertThat(text("#trust-" + tablet.deviceId())).isEqualTo(tr("encryption.device.not.verified"));
        assertThat(text("#trust-" + script.deviceId())).isEqualTo(tr("encryption.device.no.keys"));
        assertThat(text("#encryptionIdentity")).isEqualTo(tr("encryption.identity.valid"));
        assertThat(text("#recoveryLine")).startsWith("Can reset their own password by email (n…@example.org)");
        assertThat(text("#secureBackupNote")).isEqualTo(tr("encryption.backup.unknown"));
        ScrollPane scroll = robot.lookup(".details-pane .scroll-pane").queryAllAs(ScrollPane.class).stream()
                .filter(p -> p.getContent() instanceof VBox).findFirst().orElseThrow();
        robot.interact(() -> scroll.setVvalue(1.0));
        ui.shoot("security-panel");
        robot.interact(() -> Screenshots.save(scroll.getContent(), "security-panel-whole"));
    }

    @Test
    @Order(2)
    void theResetHelperExplainsWhatItAllowsLosesAndWhatToDo() throws Exception {
        scrollDetails(1);
        robot.clickOn("#resetEncryption");
        ui.waitUntil(() -> ui.showing("#resetMessage"));
        assertThat(text("#resetAllows")).isEqualTo(tr("reset.encryption.allows.plain", userId));
        assertThat(robot.lookup("#resetMessage").queryAs(TextInputControl.class).getText())
                .contains(tr("reset.encryption.steps.plain")).contains(tr("reset.encryption.loses"));
        assertThat(robot.lookup("#allowReset").tryQuery()).as("no permission button where Synapse ignores it").isEmpty();
        ui.shootWindowOf("#resetMessage", "reset-encryption");
        robot.type(KeyCode.ESCAPE);
        ui.waitUntil(() -> !ui.showing("#resetMessage"));
    }

    @Test
    @Order(3)
    void theWelcomeMessageNamesServerUserAndSteps() throws Exception {
        scrollDetails(0);
        robot.clickOn("#welcomeMessage");
        ui.waitUntil(() -> ui.showing("#welcomeText"));
        assertThat(robot.lookup("#welcomeText").queryAs(TextInputControl.class).getText())
                .contains(synapse.url().toString()).contains(userId).contains("Secure Backup");
        ui.shootWindowOf("#welcomeText", "welcome-message");
        robot.type(KeyCode.ESCAPE);
        ui.waitUntil(() -> !ui.showing("#welcomeText"));
    }

    @Test
    @Order(4)
    void theInvitesScreenCreatesATokenTheServerHas() throws Exception {
        robot.clickOn("#openInvites");
        ui.waitUntil(() -> ui.showing("#tokenTable"));
        String chosen = "welcome-" + UUID.randomUUID().toString().substring(0, 6);
        ui.type("#inviteUses", "5");
        robot.clickOn("#inviteChosen");
        ui.type("#inviteToken", chosen);
        robot.clickOn("#saveInvite");
        ui.waitUntil(() -> admin.registrationTokens().stream().map(RegistrationToken::token).anyMatch(chosen::equals));
        RegistrationToken stored = admin.registrationTokens().stream().filter(t -> t.token().equals(chosen)).findFirst().orElseThrow();
        assertThat(stored.usesAllowed()).isEqualTo(5);
        TableView<?> tokens = robot.lookup("#tokenTable").queryAs(TableView.class);
        ui.waitUntil(() -> tokens.getItems().stream().anyMatch(t -> ((RegistrationToken) t).token().equals(chosen)));
        ui.shootWindowOf("#tokenTable", "invites");
        robot.type(KeyCode.ESCAPE);
        ui.waitUntil(() -> !ui.showing("#tokenTable"));
    }

    @Test
    @Order(5)
    void anEmailAnotherAccountHoldsNamesItAndOpensIt() throws Exception {
        scrollDetails(0);
        robot.clickOn("#editAccount");
        ui.waitUntil(() -> ui.showing("#newEmail"));
        ui.type("#newEmail", heldAddress);
        robot.clickOn("#addEmail");
        // By its own class: the main window's header has a hyperlink of its own ("How…").
        ui.waitUntil(() -> robot.lookup(".conflict-link").queryAll().stream().anyMatch(Node::isVisible));
        ui.shootWindowOf("#newEmail", "email-conflict");
        robot.clickOn(robot.lookup(".conflict-link").queryAll().stream().filter(Node::isVisible).findFirst().orElseThrow());
        ui.waitUntil(() -> robot.lookup("#openedAccount #detailsUserId").tryQuery()
                .map(n -> ((Labeled) n).getText().equals(holderId)).orElse(false));
        Window opened = robot.lookup("#openedAccount").query().getScene().getWindow();
        robot.interact(() -> Screenshots.save(opened.getScene(), "email-conflict-opened"));
        robot.interact(() -> ((Stage) opened).close());
        assertThat(admin.getUser(holderId).emails()).extracting(Threepid::address).containsExactly(heldAddress);
    }
}
