package app.registrar.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.UserUpdate;
import app.registrar.bulk.BulkAction;
import app.registrar.testing.FxAppHarness;
import app.registrar.testing.SynapseAdmin;
import app.registrar.testing.SynapseExtension;
import app.registrar.ui.bulk.view.BulkActionDialog;
import app.registrar.ui.bulk.view.ExportDialog;
import app.registrar.ui.main.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Bulk work through the real app: select several accounts and lock them together; export the filtered list. */
@ExtendWith(SynapseExtension.class)
class BulkWorkFxTest {

    @RegisterExtension
    static final SynapseAdmin server = new SynapseAdmin("bulkfx");

    private static final FxAppHarness ui = new FxAppHarness("bulk");
    private static final FxRobot robot = ui.robot();

    @BeforeAll
    static void startAndSignIn() throws Exception {
        for (String name : new String[] {"one", "two", "three"}) {
            server.admin().createUser(server.id(name), new UserUpdate().password("Bulk-Fx-Pass-1").displayName("Bulk " + name));
        }
        ui.start().signInAsAdmin(server.synapse());
    }

    @AfterAll
    static void stopApp() throws TimeoutException {
        ui.stop();
    }

    @Test
    void choosingErasePreviewsWhatGoesAddedUpOverTheSelection() throws Exception {
        MainViewModel main = ui.app().mainViewModel();
        Platform.runLater(() -> new BulkActionDialog(robot.listTargetWindows().get(0),
                main.newBulkAction(List.of(server.id("one"), server.id("two")))).showAndWait());
        ui.waitUntil(() -> robot.lookup("#bulkAction").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#bulkAction").queryAs(ComboBox.class).setValue(BulkAction.DEACTIVATE_AND_ERASE));
        ui.waitUntil(() -> robot.lookup("#bulkPreviewLines .label").queryAll().size() == 4
                && !robot.lookup("#bulkPreviewReading").query().isVisible());
        ui.shoot(BulkActionDialog.class, "12-bulk-erase-what-goes");

        assertThat(robot.lookup("#bulkPreviewLines .label").queryAll()).extracting(n -> ((Label) n).getText())
                .contains("• No device is signed in.");
        assertThat(server.admin().getUser(server.id("one")).deactivated()).as("only previewed").isFalse();
        robot.interact(() -> ((Stage) robot.lookup("#bulkPreview").query().getScene().getWindow()).close());
    }

    @Test
    void severalSelectedAccountsAreLockedTogetherWithAResultEach() throws Exception {
        robot.clickOn("#search");
        robot.interact(() -> robot.lookup("#search").queryTextInputControl().clear());
        robot.write(server.prefix());
        TableView<?> table = robot.lookup("#userTable").queryAs(TableView.class);
        // Let the search's pause pass, so the answer that arrives is the one for the whole prefix.
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        MainViewModel main = ui.app().mainViewModel();
        try {
            ui.waitUntil(() -> !main.getList().loadingProperty().get() && table.getItems().size() == 3
                    && !table.getItems().get(2).toString().startsWith("loading"));
        } catch (TimeoutException e) {
            throw new AssertionError("search '" + robot.lookup("#search").queryTextInputControl().getText() + "' shows "
                    + table.getItems(), e);
        }
        robot.interact(() -> table.getSelectionModel().selectRange(0, 2));
        ui.waitUntil(() -> robot.lookup("#actOnSelected").tryQuery().filter(Node::isVisible).isPresent());

        robot.clickOn("#actOnSelected");
        ui.waitUntil(() -> robot.lookup("#bulkAction").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#bulkAction").queryAs(ComboBox.class).setValue(BulkAction.LOCK));
        robot.clickOn("#bulkRun");
        ui.waitUntil(() -> robot.lookup(".dialog-pane .button").queryAll().stream()
                .anyMatch(b -> b instanceof Button button && button.getText().equals("Lock 2 accounts")));
        robot.clickOn("Lock 2 accounts");
        TableView<?> results = robot.lookup("#bulkResults").queryAs(TableView.class);
        ui.waitUntil(() -> results.getItems().size() == 2);
        ui.shoot(BulkActionDialog.class, "10-bulk-lock");

        // The first two rows in user-ID order: "-one" and "-three"; "-two" was not selected.
        assertThat(server.admin().getUser(server.id("one")).locked()).isTrue();
        assertThat(server.admin().getUser(server.id("three")).locked()).isTrue();
        assertThat(server.admin().getUser(server.id("two")).locked()).isFalse();
        robot.interact(() -> ((Stage) robot.lookup("#bulkResults").query().getScene().getWindow()).close());
    }

    @Test
    void theFilteredListIsExportedToCsvWithEveryAccountOfTheFilter(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("accounts.csv");
        robot.interact(() -> robot.lookup("#search").queryTextInputControl().setText(server.prefix()));
        MainViewModel main = ui.app().mainViewModel();
        Window owner = robot.lookup("#userTable").query().getScene().getWindow();
        robot.interact(() -> new ExportDialog(owner, main.newExport(), main.getList().query().withLocked(true), csv).show());
        ui.waitUntil(() -> robot.lookup("#exportClose").tryQuery().filter(n -> !n.isDisabled()).isPresent() && Files.exists(csv));
        ui.shoot(ExportDialog.class, "11-export");

        String written = Files.readString(csv);
        assertThat(written).contains(server.id("one"), server.id("two"), server.id("three"));
        robot.clickOn("#exportClose");
    }
}
