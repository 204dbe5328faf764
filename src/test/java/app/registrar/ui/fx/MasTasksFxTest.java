package app.registrar.ui.fx;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.testing.FxAppHarness;
import app.registrar.testing.MasExtension;
import app.registrar.testing.MasProbe;
import app.registrar.testing.TestMas;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
    private static final FxAppHarness ui = new FxAppHarness("mas");
    private static final FxRobot robot = ui.robot();
    private static final String LOCALPART = "mas-seed-" + UUID.randomUUID().toString().substring(0, 6);
    private static String userId;

    @BeforeAll
    static void startApp(TestMas stack) throws Exception {
        mas = stack;
        probe = new MasProbe(stack);
        userId = "@" + LOCALPART + ":" + stack.serverName();
        ui.start();
    }

    @AfterAll
    static void stopApp() throws TimeoutException {
        ui.stop();
    }

    private static JsonNode masAccount() {
        return probe.masUser(LOCALPART).orElseThrow().path("attributes");
    }

    private static List<String> masEmails() {
        return probe.mas("GET", "user-emails?filter[user]=" + probe.masUserId(LOCALPART), null).body().path("data")
                .findValuesAsText("email");
    }

    @Test
    @Order(1)
    void connectsWithTheConfiguredClient() throws Exception {
        robot.clickOn("#server");
        robot.write(mas.synapseUrl().toString());
        robot.clickOn("#methodClient");
        ui.type("#clientId", mas.adminClientId());
        ui.type("#clientSecret", mas.adminClientSecret());
        ui.shoot("mas-01-connect");
        robot.clickOn("#signIn");

        ui.waitUntil(() -> ui.showing("#userTable"));
        ui.waitUntil(() -> robot.lookup("#userTable").queryAs(TableView.class).getItems().size() > 0);
        ui.shoot("mas-02-user-list");
    }

    @Test
    @Order(2)
    void createsAnAccountWithAnEmailAndAGeneratedPassword() throws Exception {
        robot.clickOn("#createAccount");
        ui.waitUntil(() -> ui.showing("#localpart"));
        robot.clickOn("#localpart").write(LOCALPART);
        robot.clickOn("#displayName").write("Mas Person");
        robot.clickOn("#newEmail").write(LOCALPART + ".seed@example.org");
        robot.clickOn("#addEmail");
        robot.clickOn("#newGenerate");
        ui.waitUntil(() -> ui.enabled("#saveAccount"));
        ui.shoot("mas-03-create-account");
        robot.clickOn("#saveAccount");

        ui.waitUntil(() -> !ui.showing("#localpart"));
        assertThat(probe.masUser(LOCALPART)).isPresent();
        assertThat(masEmails()).containsExactly(LOCALPART + ".seed@example.org");
        assertThat(probe.awaitSynapseUser(userId, u -> "Mas Person".equals(u.path("displayname").asText()))
                .path("displayname").asText()).isEqualTo("Mas Person");
    }

    @Test
    @Order(3)
    void findsTheAccountAndAddsASecondEmail() throws Exception {
        ui.type("#search", LOCALPART);
        TableView<?> table = robot.lookup("#userTable").queryAs(TableView.class);
        ui.waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).toString().equals(userId));
        robot.clickOn(robot.lookup("#userTable .table-row-cell").nth(0).queryAs(Node.class));
        ui.waitUntil(() -> ui.showing("#detailsUserId") && robot.lookup("#detailsUserId").queryLabeled().getText().equals(userId));
        ui.shoot("mas-04-account-details");
        // Signed in with a client ID and secret, Synapse's admin API is closed: what needs it is not offered.
        assertThat(ui.showing("#toggleLock")).isTrue();
        assertThat(ui.showing("#toggleSuspend")).as("Suspend cannot work without Synapse").isFalse();
        assertThat(ui.showing("#toggleShadowBan")).as("Shadow-ban cannot work without Synapse").isFalse();
        assertThat(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals(tr("details.rooms.unknown"))))
                .as("the room count says it cannot be read instead of waiting forever").isTrue();

        robot.clickOn("#editAccount");
        ui.waitUntil(() -> ui.showing("#newEmail"));
        robot.clickOn("#newEmail").write(LOCALPART + ".work@example.org");
        robot.clickOn("#addEmail");
        ui.shoot("mas-05-edit-account");
        robot.clickOn("#saveAccount");

        ui.waitUntil(() -> !ui.showing("#newEmail"));
        assertThat(masEmails()).containsExactlyInAnyOrder(LOCALPART + ".seed@example.org", LOCALPART + ".work@example.org");
    }

    @Test
    @Order(4)
    void resetsThePasswordAndTheNewOneSignsInThroughMas() throws Exception {
        robot.clickOn("#resetPassword");
        ui.waitUntil(() -> ui.showing("#newResetPassword"));
        String password = "Reset-" + UUID.randomUUID();
        robot.clickOn("#newResetPassword").write(password);
        ui.waitUntil(() -> ui.enabled("#confirmReset"));
        ui.shoot("mas-06-reset-password");
        robot.clickOn("#confirmReset");

        ui.waitUntil(() -> !ui.showing("#newResetPassword"));
        assertThat(probe.passwordLoginStatus(LOCALPART, password)).isEqualTo(200);
    }

    @Test
    @Order(5)
    void deactivatesWithErase() throws Exception {
        robot.clickOn("#deactivateAccount");
        ui.waitUntil(() -> ui.showing("#confirmUserId"));
        robot.clickOn("#erase");
        robot.clickOn("#confirmUserId").write(LOCALPART); // the bare name, with a client sign-in too
        ui.waitUntil(() -> ui.enabled("#confirmDeactivate"));
        ui.shoot("mas-07-deactivate");
        robot.clickOn("#confirmDeactivate");

        ui.waitUntil(() -> !ui.showing("#confirmUserId"));
        assertThat(masAccount().path("deactivated_at").isNull()).isFalse();
        assertThat(probe.awaitSynapseUser(userId, u -> u.path("erased").asBoolean() && u.path("deactivated").asBoolean())
                .path("erased").asBoolean()).isTrue();
    }

    @Test
    @Order(6)
    void reactivatesWithANewPassword() throws Exception {
        ui.waitUntil(() -> ui.showing("#reactivateAccount"));
        ui.shoot("mas-08-deactivated-details");
        robot.clickOn("#reactivateAccount");
        ui.waitUntil(() -> ui.showing("#reactivatePassword"));
        String password = "Back-" + UUID.randomUUID();
        robot.clickOn("#reactivatePassword").write(password);
        ui.waitUntil(() -> ui.enabled("#confirmReactivate"));
        ui.shoot("mas-09-reactivate");
        robot.clickOn("#confirmReactivate");

        ui.waitUntil(() -> !ui.showing("#reactivatePassword"));
        assertThat(masAccount().path("deactivated_at").isNull()).isTrue();
        assertThat(probe.passwordLoginStatus(LOCALPART, password)).isEqualTo(200);
    }
}
