package app.registrar.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.UserDetails;
import app.registrar.api.UserUpdate;
import app.registrar.audit.AuditEntry;
import app.registrar.testing.FxAppHarness;
import app.registrar.testing.Screenshots;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.audit.AuditDialog;
import app.registrar.ui.deactivate.DeactivateDialog;
import app.registrar.ui.main.MainViewModel;
import java.util.UUID;
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
import org.testfx.api.FxRobot;

/** The audit trail in the real app: a lock made in the details panel shows there and in the audit screen. */
@ExtendWith(SynapseExtension.class)
class AuditFxTest {

    private static final FxAppHarness ui = new FxAppHarness("audit");
    private static final FxRobot robot = ui.robot();
    private static final String PREFIX = "auditfx" + UUID.randomUUID().toString().substring(0, 6);
    private static TestSynapse synapse;
    private static AdminApi admin;

    @BeforeAll
    static void startAndSignIn(TestSynapse server) throws Exception {
        synapse = server;
        admin = server.signedInAdmin().admin();
        admin.createUser(id(), new UserUpdate().password("Audit-Fx-Pass-1").displayName("Audit Example"));
        ui.start().signInAsAdmin(synapse);
    }

    @AfterAll
    static void stopApp() throws TimeoutException {
        ui.stop();
    }

    private static String id() {
        return "@" + PREFIX + "-one:" + synapse.serverName();
    }

    @Test
    void aLockFromTheDetailsPanelShowsInRecentChangesAndTheAuditScreen() throws Exception {
        MainViewModel main = ui.app().mainViewModel();
        robot.interact(() -> main.getDetails().show(id()));
        ui.waitUntil(() -> main.getDetails().userProperty().get() != null && main.getDetails().userProperty().get().userId().equals(id()));

        Platform.runLater(main.getDetails()::toggleLocked);
        String lockButton = "Lock " + id();
        ui.waitUntil(() -> robot.lookup(lockButton).tryQuery().isPresent());
        robot.clickOn(lockButton);
        ui.waitUntil(() -> admin.getUser(id()).locked());
        ui.waitUntil(() -> !main.getRecentChanges().getEntries().isEmpty());
        Window mainWindow = robot.listTargetWindows().stream().filter(w -> w instanceof Stage s
                && s.getScene().lookup("#recentChanges") != null).findFirst().orElseThrow();
        // close the "done" notice if one is open, then picture the main window with the recent changes
        robot.interact(() -> Screenshots.save(mainWindow.getScene(), "20-audit-recent-changes"));

        assertThat(main.getRecentChanges().getEntries()).first().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("lock");
            assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.DONE);
            assertThat(entry.admin()).isEqualTo(synapse.adminUser());
        });

        Platform.runLater(() -> robot.lookup("#openAudit").queryButton().fire());
        ui.waitUntil(() -> robot.lookup("#auditEntries").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#auditEntries").queryAs(TableView.class);
        ui.waitUntil(() -> !table.getItems().isEmpty());
        robot.interact(() -> robot.lookup("#auditAccount").queryTextInputControl().setText(PREFIX));
        ui.waitUntil(() -> table.getItems().size() == 1);
        robot.interact(() -> robot.lookup("#auditAccount").queryTextInputControl().setText(""));
        robot.interact(() -> robot.lookup("#auditMirror").queryAs(CheckBox.class).setSelected(true));
        ui.waitUntil(() -> robot.lookup("#auditMirrorStatus").queryLabeled().getText().startsWith("The room is up to date"));
        ui.shoot(AuditDialog.class, "21-audit-trail");
        // Off again, so later runs of the app in this build keep their log local.
        robot.interact(() -> robot.lookup("#auditMirror").queryAs(CheckBox.class).setSelected(false));
        ui.waitUntil(() -> robot.lookup("#auditMirrorStatus").queryLabeled().getText().startsWith("Changes are kept"));

        assertThat(((AuditEntry) table.getItems().get(0)).target()).isEqualTo(id());
        robot.interact(() -> ((Stage) table.getScene().getWindow()).close());
    }

    @Test
    void theDeactivateDialogShowsWhatGoesBeforeTheAdminConfirms() throws Exception {
        MainViewModel main = ui.app().mainViewModel();
        admin.addEmail(id(), "audit-fx@example.org");
        UserDetails user = admin.getUser(id());
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

        assertThat(admin.getUser(id()).deactivated()).as("only previewed, nothing removed").isFalse();
    }
}
