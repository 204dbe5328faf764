package app.registrar.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.RegistrarApp;
import app.registrar.testing.MasExtension;
import app.registrar.testing.MasProbe;
import app.registrar.testing.Screenshots;
import app.registrar.testing.TestMas;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
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
 * The six account tasks from the guides, clicked through the real app on a server whose accounts MAS owns (signed
 * in with a configured client's ID and secret): create with an email, add a second email, reset the password,
 * deactivate with erase, reactivate. Each outcome is read back from MAS's admin API with plain HTTP; each screen is
 * saved as {@code target/screenshots/mas-*.png}.
 */
@ExtendWith(MasExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MasTasksFxTest {

    private static TestMas mas;
    private static MasProbe probe;
    private static final FxRobot robot = new FxRobot();
    private static final String LOCALPART = "mas-seed-" + UUID.randomUUID().toString().substring(0, 6);
    private static String userId;
    private static Application app;

    @BeforeAll
    static void startApp(TestMas stack) throws Exception {
        mas = stack;
        probe = new MasProbe(stack);
        userId = "@" + LOCALPART + ":" + stack.serverName();
        System.setProperty("registrar.prefs", "app/registrar/test/" + UUID.randomUUID());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(RegistrarApp.class);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stopApp() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.hideStage();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            // What the screen showed when the wait gave up says more than the time-out.
            shoot("mas-failed-wait");
            throw e;
        }
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

    private static JsonNode masAccount() {
        return probe.masUser(LOCALPART).orElseThrow().path("attributes");
    }

    private static java.util.List<String> masEmails() {
        return probe.mas("GET", "user-emails?filter[user]=" + probe.masUserId(LOCALPART), null).body().path("data")
                .findValuesAsText("email");
    }

    @Test
    @Order(1)
    void connectsWithTheConfiguredClient() throws Exception {
        robot.clickOn("#server");
        robot.write(mas.synapseUrl().toString());
        robot.clickOn("#methodClient");
        type("#clientId", mas.adminClientId());
        type("#clientSecret", mas.adminClientSecret());
        shoot("mas-01-connect");
        robot.clickOn("#signIn");

        waitUntil(() -> showing("#userTable"));
        waitUntil(() -> robot.lookup("#userTable").queryAs(TableView.class).getItems().size() > 0);
        shoot("mas-02-user-list");
    }

    @Test
    @Order(2)
    void createsAnAccountWithAnEmailAndAGeneratedPassword() throws Exception {
        robot.clickOn("#createAccount");
        waitUntil(() -> showing("#localpart"));
        robot.clickOn("#localpart").write(LOCALPART);
        robot.clickOn("#displayName").write("Mas Person");
        robot.clickOn("#newEmail").write(LOCALPART + ".seed@example.org");
        robot.clickOn("#addEmail");
        robot.clickOn("#newGenerate");
        waitUntil(() -> enabled("#saveAccount"));
        shoot("mas-03-create-account");
        robot.clickOn("#saveAccount");

        waitUntil(() -> !showing("#localpart"));
        assertThat(probe.masUser(LOCALPART)).isPresent();
        assertThat(masEmails()).containsExactly(LOCALPART + ".seed@example.org");
        assertThat(probe.awaitSynapseUser(userId, u -> "Mas Person".equals(u.path("displayname").asText()))
                .path("displayname").asText()).isEqualTo("Mas Person");
    }

    @Test
    @Order(3)
    void findsTheAccountAndAddsASecondEmail() throws Exception {
        type("#search", LOCALPART);
        TableView<?> table = robot.lookup("#userTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).toString().equals(userId));
        robot.clickOn(robot.lookup("#userTable .table-row-cell").nth(0).queryAs(Node.class));
        waitUntil(() -> showing("#detailsUserId") && robot.lookup("#detailsUserId").queryLabeled().getText().equals(userId));
        shoot("mas-04-account-details");

        robot.clickOn("#editAccount");
        waitUntil(() -> showing("#newEmail"));
        robot.clickOn("#newEmail").write(LOCALPART + ".work@example.org");
        robot.clickOn("#addEmail");
        shoot("mas-05-edit-account");
        robot.clickOn("#saveAccount");

        waitUntil(() -> !showing("#newEmail"));
        assertThat(masEmails()).containsExactlyInAnyOrder(LOCALPART + ".seed@example.org", LOCALPART + ".work@example.org");
    }

    @Test
    @Order(4)
    void resetsThePasswordAndTheNewOneSignsInThroughMas() throws Exception {
        robot.clickOn("#resetPassword");
        waitUntil(() -> showing("#newResetPassword"));
        String password = "Reset-" + UUID.randomUUID();
        robot.clickOn("#newResetPassword").write(password);
        waitUntil(() -> enabled("#confirmReset"));
        shoot("mas-06-reset-password");
        robot.clickOn("#confirmReset");

        waitUntil(() -> !showing("#newResetPassword"));
        assertThat(probe.passwordLoginStatus(LOCALPART, password)).isEqualTo(200);
    }

    @Test
    @Order(5)
    void deactivatesWithErase() throws Exception {
        robot.clickOn("#deactivateAccount");
        waitUntil(() -> showing("#confirmUserId"));
        robot.clickOn("#erase");
        robot.clickOn("#confirmUserId").write(userId);
        waitUntil(() -> enabled("#confirmDeactivate"));
        shoot("mas-07-deactivate");
        robot.clickOn("#confirmDeactivate");

        waitUntil(() -> !showing("#confirmUserId"));
        assertThat(masAccount().path("deactivated_at").isNull()).isFalse();
        assertThat(probe.awaitSynapseUser(userId, u -> u.path("erased").asBoolean() && u.path("deactivated").asBoolean())
                .path("erased").asBoolean()).isTrue();
    }

    @Test
    @Order(6)
    void reactivatesWithANewPassword() throws Exception {
        waitUntil(() -> showing("#reactivateAccount"));
        shoot("mas-08-deactivated-details");
        robot.clickOn("#reactivateAccount");
        waitUntil(() -> showing("#reactivatePassword"));
        String password = "Back-" + UUID.randomUUID();
        robot.clickOn("#reactivatePassword").write(password);
        waitUntil(() -> enabled("#confirmReactivate"));
        shoot("mas-09-reactivate");
        robot.clickOn("#confirmReactivate");

        waitUntil(() -> !showing("#reactivatePassword"));
        assertThat(masAccount().path("deactivated_at").isNull()).isTrue();
        assertThat(probe.passwordLoginStatus(LOCALPART, password)).isEqualTo(200);
    }
}
