package app.registrar.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.UserDetails;
import app.registrar.api.UserUpdate;
import app.registrar.audit.AuditEntry;
import app.registrar.testing.FxAppHarness;
import app.registrar.testing.Screenshots;
import app.registrar.testing.SynapseAdmin;
import app.registrar.testing.SynapseExtension;
import app.registrar.ui.audit.view.AuditDialog;
import app.registrar.ui.deactivate.view.DeactivateDialog;
import app.registrar.ui.main.MainViewModel;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** The audit trail in the real app: a lock made in the details panel shows there and in the audit screen. */
@ExtendWith(SynapseExtension.class)
class AuditFxTest {

    @RegisterExtension
    static final SynapseAdmin server = new SynapseAdmin("auditfx");

    private static final FxAppHarness ui = new FxAppHarness("audit");
    private static final FxRobot robot = ui.robot();

    @BeforeAll
    static void startAndSignIn() throws Exception {
        server.admin().createUser(server.id("one"), new UserUpdate().password("Audit-Fx-Pass-1").displayName("Audit Example"));
        ui.start().signInAsAdmin(server.synapse());
    }

    @AfterAll
    static void stopApp() throws TimeoutException {
        ui.stop();
    }

    @Test
    void aLockFromTheDetailsPanelShowsInRecentChangesAndTheAuditScreen() throws Exception {
        MainViewModel main = ui.app().mainViewModel();
        robot.interact(() -> main.getDetails().show(server.id("one")));
        ui.waitUntil(() -> main.getDetails().userProperty().get() != null && main.getDetails().userProperty().get().userId().equals(server.id("one")));

        Platform.runLater(main.getDetails()::toggleLocked);
        String lockButton = "Lock " + server.id("one");
        ui.waitUntil(() -> robot.lookup(lockButton).tryQuery().isPresent());
        robot.clickOn(lockButton);
        ui.waitUntil(() -> server.admin().getUser(server.id("one")).locked());
        ui.waitUntil(() -> !main.getRecentChanges().getEntries().isEmpty());
        Window mainWindow = robot.listTargetWindows().stream().filter(w -> w instanceof Stage s
                && s.getScene().lookup("#recentChanges") != null).findFirst().orElseThrow();
        // close the "done" notice if one is open, then picture the main window with the recent changes
        robot.interact(() -> Screenshots.save(mainWindow.getScene(), "20-audit-recent-changes"));

        assertThat(main.getRecentChanges().getEntries()).first().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("lock");
            assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.DONE);
            assertThat(entry.admin()).isEqualTo(server.synapse().adminUser());
        });

        Platform.runLater(() -> robot.lookup("#openAudit").queryButton().fire());
        ui.waitUntil(() -> robot.lookup("#auditEntries").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#auditEntries").queryAs(TableView.class);
        ui.waitUntil(() -> !table.getItems().isEmpty());
        robot.interact(() -> robot.lookup("#auditAccount").queryTextInputControl().setText(server.prefix()));
        ui.waitUntil(() -> table.getItems().size() == 1);
        robot.interact(() -> robot.lookup("#auditAccount").queryTextInputControl().setText(""));
        robot.interact(() -> robot.lookup("#auditMirror").queryAs(CheckBox.class).setSelected(true));
        ui.waitUntil(() -> robot.lookup("#auditMirrorStatus").queryLabeled().getText().startsWith("The room is up to date"));
        ui.shoot(AuditDialog.class, "21-audit-trail");
        // Off again, so later runs of the app in this build keep their log local.
        robot.interact(() -> robot.lookup("#auditMirror").queryAs(CheckBox.class).setSelected(false));
        ui.waitUntil(() -> robot.lookup("#auditMirrorStatus").queryLabeled().getText().startsWith("Changes are kept"));

        assertThat(((AuditEntry) table.getItems().get(0)).target()).isEqualTo(server.id("one"));
        robot.interact(() -> ((Stage) table.getScene().getWindow()).close());
    }

    @Test
    void theDeactivateDialogShowsWhatGoesBeforeTheAdminConfirms() throws Exception {
        MainViewModel main = ui.app().mainViewModel();
        server.admin().addEmail(server.id("one"), "audit-fx@example.org");
        UserDetails user = server.admin().getUser(server.id("one"));
        Platform.runLater(() -> new DeactivateDialog(
                robot.listTargetWindows().get(0), main.newDeactivate(user)).showAndWait());
        ui.waitUntil(() -> robot.lookup("#removalPreview").tryQuery().isPresent());
        ui.waitUntil(() -> robot.lookup("#removalPreview .label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains("audit-fx@example.org")));
        robot.interact(() -> robot.lookup("#erase").queryAs(CheckBox.class).setSelected(true));
        // The spam and abuse ticks, each with what it removes.
        robot.interact(() -> robot.lookup("#redactMessages").queryAs(CheckBox.class).setSelected(true));
        robot.interact(() -> robot.lookup("#deleteMedia").queryAs(CheckBox.class).setSelected(true));
        ui.waitUntil(() -> robot.lookup("#redactPreview").queryLabeled().getText().startsWith("Removes"));
        assertThat(robot.lookup("#deleteMediaPreview").queryLabeled().getText()).startsWith("Deletes no files");
        ui.shoot(DeactivateDialog.class, "22-deactivate-what-goes");
        robot.interact(() -> ((Stage) robot.lookup("#removalPreview").query().getScene().getWindow()).close());

        assertThat(server.admin().getUser(server.id("one")).deactivated()).as("only previewed, nothing removed").isFalse();
    }
}
