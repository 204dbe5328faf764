package app.registrar.ui.fx;

import static app.registrar.testing.FxAppHarness.all;
import static app.registrar.testing.FxAppHarness.treeVisible;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.UserUpdate;
import app.registrar.testing.FxAppHarness;
import app.registrar.testing.Screenshots;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app in each shipped language and in the pseudo-language (texts about 40 % longer, accented), against
 * the real Synapse: the main window and the account dialogs show no label cut short ("Deactiv…") unless its whole
 * text is in a tooltip, every dialog fits a 1024×700 screen and opens over its owner, and the main window keeps
 * every button reachable at 1024×700. Screenshots of the main window and the deactivate dialog in each language go
 * to {@code target/screenshots/lang-*.png}.
 */
@ExtendWith(SynapseExtension.class)
class LanguagesFxTest {

    private static final FxAppHarness ui = new FxAppHarness("lang");
    private static final FxRobot robot = ui.robot();
    private static final String PREFIX = "lang" + UUID.randomUUID().toString().substring(0, 6);
    private static TestSynapse synapse;
    private static String account;

    @BeforeAll
    static void createAccount(TestSynapse server) {
        synapse = server;
        AdminApi admin = server.signedInAdmin().admin();
        account = "@" + PREFIX + "-tina.tester:" + server.serverName();
        admin.createUser(account, new UserUpdate().password("Lang-Fx-Pass-1").displayName("Tina Tester"));
        admin.setLocked(account, true);
    }

    @AfterEach
    void stopApp() throws TimeoutException {
        ui.stop();
        System.clearProperty("registrar.locale");
        I18n.use(Locale.ENGLISH);
    }

    /** Labels whose shown text is shorter than their text, with no tooltip that gives the whole of it. */
    private static List<String> cutLabels(Scene scene) {
        return ui.onFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            List<String> cut = new ArrayList<>();
            for (Node node : all(scene.getRoot())) {
                if (!(node instanceof Labeled labeled) || !treeVisible(node) || labeled.getText() == null
                        || labeled.getText().isBlank()) {
                    continue;
                }
                String expected = labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_", "") : labeled.getText();
                // The skin's own text node, not a graphic (icons are Text nodes too).
                String shown = labeled.getChildrenUnmodifiable().stream()
                        .filter(n -> n instanceof Text && n.getClass().getSimpleName().equals("LabeledText"))
                        .map(n -> ((Text) n).getText()).findFirst().orElse(expected);
                boolean explained = labeled.getTooltip() != null && labeled.getTooltip().getText().contains(expected.strip());
                if (!shown.equals(expected) && !explained) {
                    cut.add(labeled.getClass().getSimpleName() + (labeled.getId() == null ? "" : "#" + labeled.getId())
                            + " shows \"" + shown + "\" of \"" + expected + "\"");
                }
            }
            return cut;
        });
    }

    /**
     * The list's column headers and dates cut short at the window's size, tooltip or not: an admin reads a header
     * and a date at a glance, not by hovering over them.
     */
    private static List<String> cutInList(Scene scene) {
        return ui.onFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            List<String> cut = new ArrayList<>();
            TableView<?> table = (TableView<?>) scene.lookup("#userTable");
            List<Labeled> whole = new ArrayList<>();
            for (javafx.scene.control.TableColumn<?, ?> column : table.getColumns()) {
                if (column.getGraphic() instanceof Labeled header) {
                    whole.add(header);
                }
            }
            for (Node cell : table.lookupAll(".table-cell")) {
                if (cell instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                        && "columnCreated".equals(c.getTableColumn().getId()) && c.getText() != null && !c.getText().isBlank()) {
                    whole.add(c);
                }
            }
            for (Labeled labeled : whole) {
                String expected = labeled.getText();
                String shown = labeled.getChildrenUnmodifiable().stream()
                        .filter(n -> n instanceof Text && n.getClass().getSimpleName().equals("LabeledText"))
                        .map(n -> ((Text) n).getText()).findFirst().orElse(expected);
                if (!shown.equals(expected)) {
                    cut.add("the list shows \"" + shown + "\" of \"" + expected + "\"");
                }
            }
            return cut;
        });
    }

    /** Buttons the admin cannot reach: outside the window and not inside something that scrolls. */
    private static List<String> unreachableButtons(Scene scene) {
        return ui.onFx(() -> {
            List<String> out = new ArrayList<>();
            for (Node node : all(scene.getRoot())) {
                if (!(node instanceof Button button) || !treeVisible(node)) {
                    continue;
                }
                boolean scrolls = false;
                for (Node n = node.getParent(); n != null; n = n.getParent()) {
                    scrolls |= n instanceof ScrollPane || n instanceof ListView
                            || n instanceof TableView;
                }
                Bounds b = node.localToScene(node.getLayoutBounds());
                boolean inside = b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= scene.getWidth() + 0.5
                        && b.getMaxY() <= scene.getHeight() + 0.5 && b.getWidth() >= 4;
                if (!inside && !scrolls) {
                    out.add(button.getText() + " at " + b);
                }
            }
            return out;
        });
    }

    private Stage startIn(String tag) throws Exception {
        System.setProperty("registrar.locale", tag);
        ui.start().signInAsAdmin(synapse);
        Stage stage = ui.stage();
        robot.interact(() -> robot.lookup("#filterLocked").queryAs(CheckBox.class).setSelected(true));
        robot.interact(() -> robot.lookup("#search").queryTextInputControl().setText(PREFIX));
        TableView<?> table = robot.lookup("#userTable").queryAs(TableView.class);
        ui.waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).toString().equals(account));
        robot.interact(() -> table.getSelectionModel().select(0));
        ui.waitUntil(() -> robot.lookup("#detailsUserId").tryQuery().isPresent()
                && robot.lookup("#deactivateAccount").tryQuery().filter(n -> !n.isDisabled()).isPresent());
        return (Stage) robot.lookup("#userTable").query().getScene().getWindow();
    }

    private static List<String> dialogProblems(Stage owner, Stage dialog, String name) {
        List<String> problems = new ArrayList<>();
        cutLabels(dialog.getScene()).forEach(c -> problems.add(name + ": " + c));
        if (dialog.getWidth() > 1024 || dialog.getHeight() > 700) {
            problems.add(name + ": " + dialog.getWidth() + "×" + dialog.getHeight() + " does not fit 1024×700");
        }
        double centreX = dialog.getX() + dialog.getWidth() / 2;
        double ownerCentreX = owner.getX() + owner.getWidth() / 2;
        if (Math.abs(centreX - ownerCentreX) > 2 || dialog.getY() < owner.getY() - 1
                || dialog.getY() + dialog.getHeight() > owner.getY() + owner.getHeight() + 40) {
            problems.add(name + ": not over its owner (" + dialog.getX() + "," + dialog.getY() + ")");
        }
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "fr", "es", "en-XA"})
    void noLabelIsCutAndEveryDialogFitsAndIsCentred(String tag) throws Exception {
        Stage stage = startIn(tag);
        String name = tag.equals("en-XA") ? "pseudo" : tag;
        List<String> problems = new ArrayList<>();
        cutLabels(stage.getScene()).forEach(c -> problems.add("main window: " + c));
        if (!tag.equals("en-XA")) {
            // The pseudo-language is longer than any shipped one: its headers may need their tooltip.
            cutInList(stage.getScene()).forEach(c -> problems.add("main window: " + c));
        }
        robot.interact(() -> Screenshots.save(stage.getScene(), "lang-main-window-" + name));

        for (String opener : new String[] {"#deactivateAccount", "#createAccount", "#editAccount", "#resetPassword"}) {
            Stage dialog = ui.openDialog(opener);
            problems.addAll(dialogProblems(stage, dialog, opener));
            if (opener.equals("#deactivateAccount")) {
                robot.interact(() -> Screenshots.save(dialog.getScene(), "lang-deactivate-" + name));
            }
            robot.interact(dialog::close);
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "en-XA"})
    void atTenTwentyFourBySevenHundredEveryButtonIsReachableAndNoLabelCut(String tag) throws Exception {
        Stage stage = startIn(tag);
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        String name = tag.equals("en-XA") ? "pseudo" : tag;
        robot.interact(() -> Screenshots.save(stage.getScene(), "lang-main-window-1024x700-" + name));

        assertThat(unreachableButtons(stage.getScene())).isEmpty();
        TableView<?> table = robot.lookup("#userTable").queryAs(TableView.class);
        double columns = ui.onFx(() -> table.getVisibleLeafColumns().stream().mapToDouble(c -> c.getWidth()).sum());
        assertThat(columns).as("every column of the list fits beside the details").isLessThanOrEqualTo(table.getWidth());
        assertThat(cutLabels(stage.getScene())).isEmpty();
        assertThat(stage.getMinWidth()).isLessThanOrEqualTo(1024);
        assertThat(stage.getMinHeight()).isLessThanOrEqualTo(700);
    }
}
