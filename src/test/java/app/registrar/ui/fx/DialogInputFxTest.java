package app.registrar.ui.fx;

import static app.registrar.testing.FxAppHarness.all;
import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.Device;
import app.registrar.api.Threepid;
import app.registrar.api.UserUpdate;
import app.registrar.bulk.ImportOptions;
import app.registrar.testing.FxAppHarness;
import app.registrar.testing.Screenshots;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.bulk.view.ImportDialog;
import app.registrar.ui.main.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the admin typed into a dialog, through the real app against the real Synapse: Escape, Cancel and the window's
 * close button ask before throwing it away (issue 9, section 5), the sign-in-again dialog opens above the dialog
 * whose input it keeps and asks for the way the session began, untouched forms show no red, and removing an email
 * keeps focus out of the display name (issue 13).
 */
@ExtendWith(SynapseExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DialogInputFxTest {

    private static final FxAppHarness ui = new FxAppHarness("input");
    private static final FxRobot robot = ui.robot();
    private static final String PREFIX = "input" + UUID.randomUUID().toString().substring(0, 6);
    private static final String PASSWORD = "Input-Fx-Pass-1";
    private static TestSynapse synapse;
    private static AdminApi admin;
    private static String active;
    private static String deactivated;
    private static Set<String> devicesBeforeSignIn;

    @TempDir
    static Path files;

    @BeforeAll
    static void startAndSignIn(TestSynapse server) throws Exception {
        synapse = server;
        admin = server.signedInAdmin().admin();
        active = "@" + PREFIX + "-ina:" + server.serverName();
        deactivated = "@" + PREFIX + "-gone:" + server.serverName();
        admin.createUser(active, new UserUpdate().password(PASSWORD).displayName("Ina Put")
                .threepids(List.of(Threepid.email(PREFIX + "-one@example.org"), Threepid.email(PREFIX + "-two@example.org"))));
        admin.createUser(deactivated, new UserUpdate().password(PASSWORD).displayName("Ina Gone"));
        admin.deactivate(deactivated, false);
        devicesBeforeSignIn = admin.devices(server.adminUser()).stream().map(Device::deviceId).collect(Collectors.toSet());
        ui.start().signInAsAdmin(synapse);
        robot.interact(() -> robot.lookup("#search").queryTextInputControl().setText(PREFIX));
        TableView<?> table = robot.lookup("#userTable").queryAs(TableView.class);
        ui.waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).toString().equals(active));
        showAccount(active);
    }

    @AfterAll
    static void stopApp() throws TimeoutException {
        ui.closeDialogs();
        ui.stop();
    }

    @AfterEach
    void leaveNoDialogOpen() {
        ui.closeDialogs();
    }

    private static MainViewModel main() {
        return ui.app().mainViewModel();
    }

    private static Window mainWindow() {
        return robot.lookup("#userTable").query().getScene().getWindow();
    }

    private static void showAccount(String userId) throws TimeoutException {
        robot.interact(() -> main().getDetails().show(userId));
        ui.waitUntil(() -> robot.lookup("#detailsUserId").tryQuery()
                .filter(n -> ((Label) n).getText().equals(userId)).isPresent());
        ui.waitUntil(() -> robot.lookup(userId.equals(active) ? "#editAccount" : "#reactivateAccount").tryQuery()
                .filter(n -> !n.isDisabled()).isPresent());
    }

    private static <T extends Node> T find(Stage dialog, String id, Class<T> type) {
        return type.cast(all(dialog.getScene().getRoot()).stream().filter(n -> id.equals(n.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no #" + id + " in " + dialog.getTitle())));
    }

    /** The discard question, if one is showing. */
    private static Optional<DialogPane> discardQuestion() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(s -> s != null && s.getRoot() instanceof DialogPane).map(s -> (DialogPane) s.getRoot())
                .filter(pane -> tr("discard.header").equals(pane.getHeaderText())).findFirst();
    }

    private static void answer(DialogPane question, String label) {
        Button button = question.getButtonTypes().stream().filter(t -> t.getText().equals(label))
                .map(t -> (Button) question.lookupButton(t)).findFirst().orElseThrow();
        robot.interact(button::fire);
    }

    private static void pressEscapeIn(Stage dialog, Node focus) {
        robot.interact(focus::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        // Posted, not through interact: the question waits for an answer inside the key handler.
        Platform.runLater(() -> robot.type(KeyCode.ESCAPE));
    }

    /** Fills each dialog with something and checks that Escape asks, Keep editing keeps it, and Discard closes. */
    private static void checkEscapeAsksBeforeDiscarding(String name, Stage dialog, Node focus, Runnable fill,
                                                        Callable<Boolean> stillFilled, List<String> problems) throws Exception {
        // Untouched, Escape simply closes.
        pressEscapeIn(dialog, focus);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        if (discardQuestion().isPresent()) {
            problems.add(name + ": asked although nothing was typed");
            answer(discardQuestion().get(), tr("discard.action"));
        }
        if (dialog.isShowing()) {
            problems.add(name + ": Escape did not close the untouched dialog");
        }
        robot.interact(dialog::show);
        robot.interact(fill);
        pressEscapeIn(dialog, focus);
        try {
            ui.waitUntil(() -> discardQuestion().isPresent());
        } catch (TimeoutException e) {
            problems.add(name + ": Escape closed a filled dialog without asking (showing: " + dialog.isShowing() + ")");
            return;
        }
        robot.interact(() -> Screenshots.save(discardQuestion().get().getScene(), "discard-question-" + name));
        answer(discardQuestion().get(), tr("discard.keep"));
        WaitForAsyncUtils.waitForFxEvents();
        if (!dialog.isShowing() || !stillFilled.call()) {
            problems.add(name + ": Keep editing did not keep the dialog and what was typed");
        }
        // The window's own close button asks the same.
        Platform.runLater(() -> dialog.fireEvent(new WindowEvent(dialog, WindowEvent.WINDOW_CLOSE_REQUEST)));
        try {
            ui.waitUntil(() -> discardQuestion().isPresent());
        } catch (TimeoutException e) {
            problems.add(name + ": the window's close button closed a filled dialog without asking");
            return;
        }
        answer(discardQuestion().get(), tr("discard.action"));
        ui.waitUntil(() -> !dialog.isShowing());
    }

    @Test
    @Order(1)
    void escapeOrClosingAFilledDialogAsksBeforeDiscardingAndKeepsTheInputWhenTheAdminKeepsEditing() throws Exception {
        List<String> problems = new ArrayList<>();

        Stage create = ui.openDialog("#createAccount");
        TextInputControl localpart = find(create, "localpart", TextInputControl.class);
        checkEscapeAsksBeforeDiscarding("new-account", create, localpart, () -> localpart.setText("tina.tester"),
                () -> localpart.getText().equals("tina.tester"), problems);

        Stage edit = ui.openDialog("#editAccount");
        TextInputControl name = find(edit, "displayName", TextInputControl.class);
        checkEscapeAsksBeforeDiscarding("edit", edit, name, () -> name.setText("Ina Changed"),
                () -> name.getText().equals("Ina Changed"), problems);

        Stage reset = ui.openDialog("#resetPassword");
        TextInputControl password = all(reset.getScene().getRoot()).stream()
                .filter(n -> n instanceof TextInputControl t && t.isVisible()).map(n -> (TextInputControl) n)
                .findFirst().orElseThrow();
        checkEscapeAsksBeforeDiscarding("reset-password", reset, password, () -> password.setText("Typed-Pass-2026!x"),
                () -> password.getText().equals("Typed-Pass-2026!x"), problems);

        Stage deactivate = ui.openDialog("#deactivateAccount");
        TextInputControl typed = find(deactivate, "confirmUserId", TextInputControl.class);
        checkEscapeAsksBeforeDiscarding("deactivate", deactivate, typed, () -> typed.setText("@" + PREFIX),
                () -> typed.getText().equals("@" + PREFIX), problems);

        showAccount(deactivated);
        try {
            Stage reactivate = ui.openDialog("#reactivateAccount");
            TextInputControl again = all(reactivate.getScene().getRoot()).stream()
                    .filter(n -> n instanceof TextInputControl t && t.isVisible()).map(n -> (TextInputControl) n)
                    .findFirst().orElseThrow();
            checkEscapeAsksBeforeDiscarding("reactivate", reactivate, again, () -> again.setText("Typed-Pass-2026!y"),
                    () -> again.getText().equals("Typed-Pass-2026!y"), problems);
        } finally {
            showAccount(active);
        }

        Path csv = files.resolve("people.csv");
        Files.writeString(csv, "user_id,display_name\n" + PREFIX + "-new,New Person\n");
        List<Window> before = new ArrayList<>(Window.getWindows());
        robot.interact(() -> new ImportDialog(mainWindow(), main().newImport(), csv).show());
        Stage importing = ui.newWindow(before);
        @SuppressWarnings("unchecked")
        ComboBox<ImportOptions.Existing> existing = (ComboBox<ImportOptions.Existing>) all(importing.getScene().getRoot())
                .stream().filter(n -> n instanceof ComboBox).findFirst().orElseThrow();
        ui.waitUntil(() -> robot.lookup("#importRun").tryQuery().filter(n -> !n.isDisabled()).isPresent()
                || robot.lookup("#importSummary").queryLabeled().getText().length() > 0);
        checkEscapeAsksBeforeDiscarding("import", importing, existing, () -> existing.setValue(ImportOptions.Existing.UPDATE),
                () -> existing.getValue() == ImportOptions.Existing.UPDATE, problems);

        assertThat(problems).isEmpty();
        assertThat(admin.getUser(active).displayName()).as("nothing was sent").isEqualTo("Ina Put");
    }

    @Test
    @Order(2)
    void cancelOnAFilledFormAsksTooAndDiscardClosesWithoutSending() throws Exception {
        Stage create = ui.openDialog("#createAccount");
        TextInputControl localpart = find(create, "localpart", TextInputControl.class);
        robot.interact(() -> localpart.setText(PREFIX + "-never"));
        Button cancel = all(create.getScene().getRoot()).stream().filter(n -> n instanceof Button b && b.isCancelButton())
                .map(n -> (Button) n).findFirst().orElseThrow();
        Platform.runLater(cancel::fire);
        ui.waitUntil(() -> discardQuestion().isPresent());
        answer(discardQuestion().get(), tr("discard.action"));
        ui.waitUntil(() -> !create.isShowing());
        assertThat(admin.findUser("@" + PREFIX + "-never:" + synapse.serverName())).isEmpty();
    }

    // ---- no red on untouched forms (issue 13) -------------------------------------------------------------------

    /** Texts shown in red (a field's problem, the error box) that a person would see. */
    private static List<String> redTexts(Scene scene) {
        return all(scene.getRoot()).stream().filter(n -> n instanceof Label)
                .map(n -> (Label) n)
                .filter(l -> l.getStyleClass().contains("field-problem") || l.getStyleClass().contains("error-message"))
                .filter(l -> l.getText() != null && !l.getText().isBlank())
                .filter(l -> {
                    for (Node n = l; n != null; n = n.getParent()) {
                        if (!n.isVisible()) {
                            return false;
                        }
                    }
                    return true;
                })
                .map(Label::getText).toList();
    }

    @Test
    @Order(3)
    void untouchedNewAccountResetPasswordAndReactivateFormsShowNoRedUntilSaveIsPressed() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String[] opener : new String[][] {{"#createAccount", "new account"}, {"#resetPassword", "reset password"},
                {"#reactivateAccount", "reactivate"}}) {
            if (opener[0].equals("#reactivateAccount")) {
                showAccount(deactivated);
            }
            Stage dialog = ui.openDialog(opener[0]);
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            List<String> red = fxList(() -> redTexts(dialog.getScene()));
            if (!red.isEmpty()) {
                problems.add(opener[1] + " shows red before anything was touched: " + red);
            }
            robot.interact(() -> Screenshots.save(dialog.getScene(), "untouched-" + opener[1].replace(' ', '-')));
            // Pressing the action on the untouched form says what is missing, in red: the check above can see red.
            Button action = all(dialog.getScene().getRoot()).stream().filter(n -> n instanceof Button b && b.isDefaultButton())
                    .map(n -> (Button) n).findFirst().orElseThrow();
            robot.interact(action::fire);
            WaitForAsyncUtils.waitForFxEvents();
            if (fxList(() -> redTexts(dialog.getScene())).isEmpty()) {
                problems.add(opener[1] + " shows no problem after pressing " + action.getText());
            }
            robot.interact(dialog::close);
        }
        showAccount(active);
        assertThat(problems).isEmpty();
    }

    private static List<String> fxList(Callable<List<String>> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ---- focus after removing an email (issue 13) -----------------------------------------------------------------

    @Test
    @Order(4)
    void removingAnEmailLeavesFocusInTheEmailListAndTheDisplayNameUntouched() throws Exception {
        Stage edit = ui.openDialog("#editAccount");
        TextInputControl name = find(edit, "displayName", TextInputControl.class);
        @SuppressWarnings("unchecked")
        ListView<String> emails = find(edit, "emails", ListView.class);
        ui.waitUntil(() -> emails.getItems().size() == 2);
        Button removeFirst = (Button) all(emails).stream().filter(n -> n instanceof Button b && b.getAccessibleText() != null
                && b.getAccessibleText().endsWith(PREFIX + "-one@example.org")).findFirst().orElseThrow();

        robot.clickOn(removeFirst);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(emails.getItems()).containsExactly(PREFIX + "-two@example.org");
        assertThat(name.isFocused()).as("focus must not jump to Display name").isFalse();
        assertThat(name.getSelectedText()).as("Display name's text must not be selected, where typing would replace it")
                .isEmpty();
        assertThat(emails.isFocused()).as("focus stays in the email list").isTrue();
        assertThat(name.getText()).isEqualTo("Ina Put");
        robot.interact(() -> Screenshots.save(edit.getScene(), "edit-after-removing-an-email"));
    }

    // ---- sign in again (issue 9) ----------------------------------------------------------------------------------

    @Test
    @Order(5)
    void signInAgainOpensAboveTheDialogWithTheSessionsMethodAndItsInputSurvives() throws Exception {
        Stage edit = ui.openDialog("#editAccount");
        TextInputControl name = find(edit, "displayName", TextInputControl.class);
        robot.interact(() -> name.setText("Ina Kept"));
        // The server stops accepting the app's session: its device, the one made when the app signed in, is deleted.
        Set<String> appDevices = admin.devices(synapse.adminUser()).stream().map(Device::deviceId)
                .filter(id -> !devicesBeforeSignIn.contains(id)).collect(Collectors.toSet());
        assertThat(appDevices).hasSize(1);
        admin.deleteDevices(synapse.adminUser(), List.copyOf(appDevices));

        List<Window> before = new ArrayList<>(Window.getWindows());
        Platform.runLater(() -> find(edit, "saveAccount", Button.class).fire());
        Stage reauth = ui.newWindow(before);
        ui.waitUntil(() -> reauth.getTitle().equals(tr("reauth.title")));

        assertThat(reauth.getOwner()).as("owned by the dialog whose input it keeps, so it stays above it").isSameAs(edit);
        assertThat(find(reauth, "reauthIntro", Label.class).getText()).isEqualTo(tr("reauth.intro", synapse.adminUser()));
        robot.interact(() -> Screenshots.save(reauth.getScene(), "reauth-over-edit"));
        TextInputControl password = find(reauth, "reauthPassword", TextInputControl.class);
        robot.interact(() -> password.setText(synapse.adminPassword()));
        robot.interact(() -> find(reauth, "reauthSignIn", Button.class).fire());
        ui.waitUntil(() -> !reauth.isShowing());

        assertThat(edit.isShowing()).isTrue();
        assertThat(name.getText()).isEqualTo("Ina Kept");
        Platform.runLater(() -> find(edit, "saveAccount", Button.class).fire());
        ui.waitUntil(() -> !edit.isShowing());
        assertThat(admin.getUser(active).displayName()).isEqualTo("Ina Kept");
    }
}
