package app.registrar.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.RegistrarApp;
import app.registrar.api.AdminApi;
import app.registrar.api.Homeserver;
import app.registrar.api.Threepid;
import app.registrar.api.UserDetails;
import app.registrar.testing.Screenshots;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
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
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

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
    private static final FxRobot robot = new FxRobot();
    private static final String LOCALPART = "seed-" + UUID.randomUUID().toString().substring(0, 6);
    // Addresses unique to this run: the email-conflict check refuses an address another account on a reused test
    // Synapse already has, which would fail a second run against the same server.
    private static final String EMAIL = LOCALPART + "@example.org";
    private static final String WORK_EMAIL = LOCALPART + ".work@example.org";
    private static String userId;
    private static Stage stage;
    private static Application app;

    @BeforeAll
    static void startApp(TestSynapse server) throws Exception {
        synapse = server;
        admin = server.signedInAdmin().admin();
        userId = "@" + LOCALPART + ":" + server.serverName();
        System.setProperty("registrar.prefs", "app/registrar/test/" + UUID.randomUUID());
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(RegistrarApp.class);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stopApp() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.hideStage();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shoot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Window focused = robot.listTargetWindows().stream().filter(Window::isFocused).findFirst()
                .orElse(robot.listTargetWindows().get(robot.listTargetWindows().size() - 1));
        robot.interact(() -> Screenshots.save(focused.getScene(), name));
    }

    private static void type(String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean showing(String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent();
    }

    private static boolean enabled(String query) {
        return robot.lookup(query).tryQuery().filter(n -> !n.isDisabled()).isPresent();
    }

    @Test
    @Order(1)
    void connectsToTheHomeserverAsAdmin() throws Exception {
        shoot("01-connect");
        robot.clickOn("#server");
        robot.write(synapse.url().toString());
        type("#user", synapse.adminUser().substring(1, synapse.adminUser().indexOf(':')));
        type("#password", synapse.adminPassword());
        robot.clickOn("#signIn");

        waitUntil(() -> showing("#userTable"));
        waitUntil(() -> robot.lookup("#userTable").queryAs(TableView.class).getItems().size() > 0);
        assertThat(robot.lookup("#signedIn").queryLabeled().getText()).contains(synapse.adminUser());
        shoot("02-user-list");
    }

    @Test
    @Order(2)
    void createsAnAccountWithNameEmailAndGeneratedPassword() throws Exception {
        robot.clickOn("#createAccount");
        waitUntil(() -> showing("#localpart"));
        robot.clickOn("#localpart").write(LOCALPART);
        robot.clickOn("#displayName").write("Seed Person");
        robot.clickOn("#newEmail").write(EMAIL);
        robot.clickOn("#addEmail");
        robot.clickOn("#newGenerate");
        waitUntil(() -> enabled("#saveAccount"));
        shoot("03-create-account");
        robot.clickOn("#saveAccount");

        waitUntil(() -> !showing("#localpart"));
        UserDetails created = admin.getUser(userId);
        assertThat(created.displayName()).isEqualTo("Seed Person");
        assertThat(created.emails()).extracting(Threepid::address).containsExactly(EMAIL);
    }

    @Test
    @Order(3)
    void findsTheAccountBySearch() throws Exception {
        type("#search", LOCALPART);
        TableView<?> table = robot.lookup("#userTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).toString().equals(userId));
        robot.clickOn(robot.lookup("#userTable .table-row-cell").nth(0).queryAs(Node.class));

        waitUntil(() -> showing("#detailsUserId") && robot.lookup("#detailsUserId").queryLabeled().getText().equals(userId));
        shoot("04-account-details");
    }

    @Test
    @Order(4)
    void addsASecondEmailWithoutLosingTheFirst() throws Exception {
        robot.clickOn("#editAccount");
        waitUntil(() -> showing("#newEmail"));
        robot.clickOn("#newEmail").write(WORK_EMAIL);
        robot.clickOn("#addEmail");
        shoot("05-edit-account");
        robot.clickOn("#saveAccount");

        waitUntil(() -> !showing("#newEmail"));
        assertThat(admin.getUser(userId).emails()).extracting(Threepid::address)
                .containsExactlyInAnyOrder(EMAIL, WORK_EMAIL);
    }

    @Test
    @Order(5)
    void resetsThePasswordAndTheNewOneSignsIn() throws Exception {
        robot.clickOn("#resetPassword");
        waitUntil(() -> showing("#newResetPassword"));
        String password = "Reset-Seed-Pass-9";
        robot.clickOn("#newResetPassword").write(password);
        waitUntil(() -> enabled("#confirmReset"));
        shoot("06-reset-password");
        robot.clickOn("#confirmReset");

        waitUntil(() -> !showing("#newResetPassword"));
        assertThat(new Homeserver(synapse.url()).auth().loginWithPassword(userId, password).userId()).isEqualTo(userId);
    }

    @Test
    @Order(6)
    void deactivatesWithEraseAfterTheUserIdIsTyped() throws Exception {
        robot.clickOn("#deactivateAccount");
        waitUntil(() -> showing("#confirmUserId"));
        robot.clickOn("#erase");
        assertThat(robot.lookup("#confirmDeactivate").queryAs(Button.class).isDisabled()).isTrue();
        // Focus, as Tab would, rather than a click: the removal preview loads meanwhile and moves the field, and the
        // focused field scrolls into view.
        robot.interact(() -> robot.lookup("#confirmUserId").query().requestFocus());
        robot.write(userId);
        assertThat(robot.lookup("#confirmUserId").queryTextInputControl().getText()).isEqualTo(userId);
        waitUntil(() -> enabled("#confirmDeactivate"));
        shoot("07-deactivate");
        robot.clickOn("#confirmDeactivate");

        waitUntil(() -> !showing("#confirmUserId"));
        UserDetails after = admin.getUser(userId);
        assertThat(after.deactivated()).isTrue();
        assertThat(after.erased()).isTrue();
    }

    @Test
    @Order(7)
    void reactivatesWithANewPassword() throws Exception {
        waitUntil(() -> showing("#reactivateAccount"));
        shoot("08-deactivated-details");
        robot.clickOn("#reactivateAccount");
        waitUntil(() -> showing("#reactivatePassword"));
        String password = "Back-Again-Pass-7";
        robot.clickOn("#reactivatePassword").write(password);
        waitUntil(() -> enabled("#confirmReactivate"));
        shoot("09-reactivate");
        robot.clickOn("#confirmReactivate");

        waitUntil(() -> !showing("#reactivatePassword"));
        assertThat(admin.getUser(userId).deactivated()).isFalse();
        assertThat(new Homeserver(synapse.url()).auth().loginWithPassword(userId, password).userId()).isEqualTo(userId);
    }
}
