package app.registrar.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.Homeserver;
import app.registrar.api.Threepid;
import app.registrar.api.UserDetails;
import app.registrar.testing.FxAppHarness;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;

/**
 * The seed's account tasks driven through the real app, headless, against the real Synapse: connect, create an
 * account, find it by search, add an email, reset the password, deactivate with erase, reactivate. After each
 * step the server's state is read through the API, not only the screen; each screen is saved as a screenshot.
 */
@ExtendWith(SynapseExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedTasksFxTest {

    private static TestSynapse synapse;
    private static AdminApi admin;
    private static final FxAppHarness ui = new FxAppHarness("seed");
    private static final FxRobot robot = ui.robot();
    private static final String LOCALPART = "seed-" + UUID.randomUUID().toString().substring(0, 6);
    // Addresses unique to this run: the email-conflict check refuses an address another account on a reused test
    // Synapse already has, which would fail a second run against the same server.
    private static final String EMAIL = LOCALPART + "@example.org";
    private static final String WORK_EMAIL = LOCALPART + ".work@example.org";
    private static String userId;

    @BeforeAll
    static void startApp(TestSynapse server) throws Exception {
        synapse = server;
        admin = server.signedInAdmin().admin();
        userId = "@" + LOCALPART + ":" + server.serverName();
        ui.start();
    }

    @AfterAll
    static void stopApp() throws TimeoutException {
        ui.stop();
    }

    @Test
    @Order(1)
    void connectsToTheHomeserverAsAdmin() throws Exception {
        ui.shoot("01-connect");
        ui.signInAsAdmin(synapse);
        ui.waitUntil(() -> robot.lookup("#userTable").queryAs(TableView.class).getItems().size() > 0);
        assertThat(robot.lookup("#signedIn").queryLabeled().getText()).contains(synapse.adminUser());
        ui.shoot("02-user-list");
    }

    @Test
    @Order(2)
    void createsAnAccountWithNameEmailAndGeneratedPassword() throws Exception {
        robot.clickOn("#createAccount");
        ui.waitUntil(() -> ui.showing("#localpart"));
        robot.clickOn("#localpart").write(LOCALPART);
        robot.clickOn("#displayName").write("Seed Person");
        robot.clickOn("#newEmail").write(EMAIL);
        robot.clickOn("#addEmail");
        robot.clickOn("#newGenerate");
        ui.waitUntil(() -> ui.enabled("#saveAccount"));
        ui.shoot("03-create-account");
        robot.clickOn("#saveAccount");

        ui.waitUntil(() -> !ui.showing("#localpart"));
        UserDetails created = admin.getUser(userId);
        assertThat(created.displayName()).isEqualTo("Seed Person");
        assertThat(created.emails()).extracting(Threepid::address).containsExactly(EMAIL);
    }

    @Test
    @Order(3)
    void findsTheAccountBySearch() throws Exception {
        ui.type("#search", LOCALPART);
        TableView<?> table = robot.lookup("#userTable").queryAs(TableView.class);
        ui.waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).toString().equals(userId));
        robot.clickOn(robot.lookup("#userTable .table-row-cell").nth(0).queryAs(Node.class));

        ui.waitUntil(() -> ui.showing("#detailsUserId") && robot.lookup("#detailsUserId").queryLabeled().getText().equals(userId));
        ui.shoot("04-account-details");
    }

    @Test
    @Order(4)
    void addsASecondEmailWithoutLosingTheFirst() throws Exception {
        robot.clickOn("#editAccount");
        ui.waitUntil(() -> ui.showing("#newEmail"));
        robot.clickOn("#newEmail").write(WORK_EMAIL);
        robot.clickOn("#addEmail");
        ui.shoot("05-edit-account");
        robot.clickOn("#saveAccount");

        ui.waitUntil(() -> !ui.showing("#newEmail"));
        assertThat(admin.getUser(userId).emails()).extracting(Threepid::address)
                .containsExactlyInAnyOrder(EMAIL, WORK_EMAIL);
    }

    @Test
    @Order(5)
    void resetsThePasswordAndTheNewOneSignsIn() throws Exception {
        robot.clickOn("#resetPassword");
        ui.waitUntil(() -> ui.showing("#newResetPassword"));
        String password = "Reset-Seed-Pass-9";
        robot.clickOn("#newResetPassword").write(password);
        ui.waitUntil(() -> ui.enabled("#confirmReset"));
        ui.shoot("06-reset-password");
        robot.clickOn("#confirmReset");

        ui.waitUntil(() -> !ui.showing("#newResetPassword"));
        assertThat(new Homeserver(synapse.url()).auth().loginWithPassword(userId, password).userId()).isEqualTo(userId);
    }

    @Test
    @Order(6)
    void deactivatesWithEraseAfterTheUserIdIsTyped() throws Exception {
        robot.clickOn("#deactivateAccount");
        ui.waitUntil(() -> ui.showing("#confirmUserId"));
        robot.clickOn("#erase");
        assertThat(robot.lookup("#confirmDeactivate").queryAs(Button.class).isDisabled()).isTrue();
        // Focus, as Tab would, rather than a click: the removal preview loads meanwhile and moves the field, and the
        // focused field scrolls into view.
        robot.interact(() -> robot.lookup("#confirmUserId").query().requestFocus());
        robot.write(userId);
        assertThat(robot.lookup("#confirmUserId").queryTextInputControl().getText()).isEqualTo(userId);
        ui.waitUntil(() -> ui.enabled("#confirmDeactivate"));
        ui.shoot("07-deactivate");
        robot.clickOn("#confirmDeactivate");

        ui.waitUntil(() -> !ui.showing("#confirmUserId"));
        UserDetails after = admin.getUser(userId);
        assertThat(after.deactivated()).isTrue();
        assertThat(after.erased()).isTrue();
    }

    @Test
    @Order(7)
    void reactivatesWithANewPassword() throws Exception {
        ui.waitUntil(() -> ui.showing("#reactivateAccount"));
        ui.shoot("08-deactivated-details");
        robot.clickOn("#reactivateAccount");
        ui.waitUntil(() -> ui.showing("#reactivatePassword"));
        String password = "Back-Again-Pass-7";
        robot.clickOn("#reactivatePassword").write(password);
        ui.waitUntil(() -> ui.enabled("#confirmReactivate"));
        ui.shoot("09-reactivate");
        robot.clickOn("#confirmReactivate");

        ui.waitUntil(() -> !ui.showing("#reactivatePassword"));
        assertThat(admin.getUser(userId).deactivated()).isFalse();
        assertThat(new Homeserver(synapse.url()).auth().loginWithPassword(userId, password).userId()).isEqualTo(userId);
    }
}
