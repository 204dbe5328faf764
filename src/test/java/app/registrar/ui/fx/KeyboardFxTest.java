package app.registrar.ui.fx;

import static app.registrar.testing.FxAppHarness.all;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.Homeserver;
import app.registrar.api.UserUpdate;
import app.registrar.testing.CrossSigningFixture;
import app.registrar.testing.FxAppHarness;
import app.registrar.testing.Screenshots;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.main.MainViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
 * The keyboard, through the real app against the real Synapse: every underlined Alt shortcut of the main window
 * and of each account dialog fires its own control (none shared, none dead), every button has one, every
 * focusable control shows a focus ring, and the search field leads into the list.
 */
@ExtendWith(SynapseExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyboardFxTest {

    private static final FxAppHarness ui = new FxAppHarness("keys");
    private static final FxRobot robot = ui.robot();
    private static final String PREFIX = "keys" + UUID.randomUUID().toString().substring(0, 6);
    private static final String PASSWORD = "Keys-Fx-Pass-1";
    private static TestSynapse synapse;
    private static AdminApi admin;
    private static String active;
    private static String deactivated;

    @BeforeAll
    static void startAndSignIn(TestSynapse server) throws Exception {
        synapse = server;
        admin = server.signedInAdmin().admin();
        active = "@" + PREFIX + "-active:" + server.serverName();
        deactivated = "@" + PREFIX + "-gone:" + server.serverName();
        admin.createUser(active, new UserUpdate().password(PASSWORD).displayName("Kay Board"));
        new Homeserver(server.url()).auth().loginWithPassword(active, PASSWORD);
        // A cross-signing identity, so the panel offers "Let them reset their encryption…" to walk as well.
        CrossSigningFixture person = new CrossSigningFixture(server, active, PASSWORD);
        person.setUpCrossSigning(person.uploadDeviceKeys(person.signIn("Element on a phone")));
        // An invite to select, so the Invites dialog's row buttons are walked too.
        admin.createRegistrationToken(PREFIX + "-invite", 1, null, null);
        admin.createUser(deactivated, new UserUpdate().password(PASSWORD).displayName("Kay Gone"));
        admin.deactivate(deactivated, false);
        ui.start().signInAsAdmin(synapse);
        robot.interact(() -> robot.lookup("#search").queryTextInputControl().setText(PREFIX));
        TableView<?> table = robot.lookup("#userTable").queryAs(TableView.class);
        ui.waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).toString().equals(active));
        robot.interact(() -> table.getSelectionModel().select(0));
        ui.waitUntil(() -> robot.lookup("#detailsUserId").tryQuery().isPresent()
                && robot.lookup("#detailsUserId").queryLabeled().getText().equals(active));
        ui.waitUntil(() -> robot.lookup("#editAccount").tryQuery().filter(n -> !n.isDisabled()).isPresent());
    }

    @AfterAll
    static void stopApp() throws TimeoutException {
        ui.stop();
    }

    private static Scene mainScene() {
        return robot.lookup("#userTable").query().getScene();
    }

    // ---- mnemonics -----------------------------------------------------------------------------------------------

    private static List<Labeled> withMnemonic(Scene scene) {
        return all(scene.getRoot()).stream().filter(n -> n instanceof Labeled).map(n -> (Labeled) n)
                .filter(l -> l.isMnemonicParsing() && l.getText() != null && l.getText().contains("_"))
                .filter(FxAppHarness::treeVisible).filter(l -> !l.isDisabled())
                .filter(l -> !(l instanceof Label label) || label.getLabelFor() != null)
                .toList();
    }

    /** Presses Alt + the underlined letter of each control and checks that exactly that control reacted. */
    private static List<String> deadMnemonics(Scene scene) {
        List<String> dead = new ArrayList<>();
        List<Labeled> controls = ui.onFx(() -> withMnemonic(scene));
        for (Labeled control : controls) {
            String text = control.getText();
            char letter = Character.toUpperCase(text.charAt(text.indexOf('_') + 1));
            KeyCode code = KeyCode.getKeyCode(String.valueOf(letter));
            if (code == null) {
                dead.add(text + " (no key for '" + letter + "')");
                continue;
            }
            Node target = control instanceof Label label ? label.getLabelFor() : control;
            boolean[] fired = new boolean[1];
            EventHandler<ActionEvent> catcher = e -> {
                fired[0] = true;
                e.consume();
            };
            robot.interact(() -> target.addEventFilter(ActionEvent.ACTION, catcher));
            // Start from a neutral place so focus moving to a field's label target is a real change.
            robot.interact(() -> scene.getRoot().requestFocus());
            robot.press(KeyCode.ALT).press(code).release(code).release(KeyCode.ALT);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> target.removeEventFilter(ActionEvent.ACTION, catcher));
            boolean focused = target.isFocused() && !(control instanceof ButtonBase);
            if (!fired[0] && !focused) {
                dead.add(text + " (Alt+" + letter + ")");
            }
        }
        return dead;
    }

    /** Letters underlined on more than one control of the scene: Alt+letter can only reach one of them. */
    private static List<String> sharedLetters(Scene scene) {
        Map<Character, List<String>> byLetter = new TreeMap<>();
        for (Labeled control : ui.onFx(() -> withMnemonic(scene))) {
            String text = control.getText();
            byLetter.computeIfAbsent(Character.toUpperCase(text.charAt(text.indexOf('_') + 1)), k -> new ArrayList<>())
                    .add(text);
        }
        return byLetter.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> "Alt+" + e.getKey() + " on " + e.getValue()).toList();
    }

    /** Buttons that have text but no underlined letter; the cancel button is left to Escape. */
    private static List<String> withoutMnemonic(Scene scene) {
        return all(scene.getRoot()).stream()
                .filter(n -> n instanceof Button || n instanceof MenuButton)
                .map(n -> (ButtonBase) n)
                .filter(FxAppHarness::treeVisible)
                .filter(b -> b.getText() != null && !b.getText().isBlank())
                .filter(b -> !(b instanceof Button button && button.isCancelButton()))
                // The language menu shows a language's own name, which no shortcut letter fits in every language.
                .filter(b -> !"language".equals(b.getId()))
                .filter(b -> !b.isMnemonicParsing() || !b.getText().contains("_"))
                .map(Labeled::getText).toList();
    }

    @Test
    @Order(1)
    void everyButtonOfTheMainWindowHasAnAltShortcut() {
        assertThat(withoutMnemonic(mainScene())).isEmpty();
        assertThat(withMnemonic(mainScene())).extracting(Labeled::getId)
                .contains("createAccount", "moreActions", "refresh", "editAccount",
                        "deactivateAccount", "toggleLock", "toggleSuspend", "toggleShadowBan", "signOut");
    }

    @Test
    @Order(2)
    void everyAltShortcutOfTheMainWindowFiresItsOwnControl() {
        assertThat(deadMnemonics(mainScene())).isEmpty();
    }

    @Test
    @Order(3)
    void everyAltShortcutOfEachAccountDialogFires() throws TimeoutException {
        List<String> problems = new ArrayList<>();
        for (String opener : new String[] {"#createAccount", "#editAccount", "#resetPassword", "#deactivateAccount"}) {
            Stage dialog = ui.openDialog(opener);
            withoutMnemonic(dialog.getScene()).forEach(text -> problems.add(opener + ": no shortcut on " + text));
            sharedLetters(dialog.getScene()).forEach(text -> problems.add(opener + ": " + text));
            deadMnemonics(dialog.getScene()).forEach(text -> problems.add(opener + ": " + text));
            robot.interact(dialog::close);
        }
        MainViewModel main = ui.app().mainViewModel();
        robot.interact(() -> main.getDetails().show(deactivated));
        try {
            ui.waitUntil(() -> robot.lookup("#reactivateAccount").tryQuery().filter(n -> !n.isDisabled()).isPresent());
            Stage dialog = ui.openDialog("#reactivateAccount");
            withoutMnemonic(dialog.getScene()).forEach(text -> problems.add("reactivate: no shortcut on " + text));
            deadMnemonics(dialog.getScene()).forEach(text -> problems.add("reactivate: " + text));
            robot.interact(dialog::close);
            problems.addAll(deadMnemonics(mainScene()).stream().map(t -> "deactivated account: " + t).toList());
        } finally {
            robot.interact(() -> main.getDetails().show(active));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(4)
    void downFromTheSearchFieldMovesIntoTheListAndEscapeClearsTheSearch() throws TimeoutException {
        TableView<?> table = robot.lookup("#userTable").queryAs(TableView.class);
        TextInputControl search = robot.lookup("#search").queryTextInputControl();
        robot.interact(() -> table.getSelectionModel().clearSelection());
        robot.interact(search::requestFocus);

        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.isFocused()).isTrue();
        assertThat(table.getSelectionModel().getSelectedIndex()).isZero();

        robot.interact(search::requestFocus);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(search.getText()).isEmpty();
        robot.interact(() -> search.setText(PREFIX));
        ui.waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).toString().equals(active));
    }

    @Test
    @Order(8)
    void everyAltShortcutOfTheInvitesAuditWelcomeAndResetEncryptionDialogsFiresAndNoneIsShared() throws TimeoutException {
        ui.waitUntil(() -> robot.lookup("#resetEncryption").tryQuery().filter(n -> n.isVisible() && !n.isDisabled()).isPresent());
        List<String> problems = new ArrayList<>();
        for (String opener : new String[] {"#openInvites", "#openAudit", "#welcomeMessage", "#resetEncryption"}) {
            Stage dialog = ui.openDialog(opener);
            // What the dialog reads (the invites, the audit log) is there before its buttons are walked.
            WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            if (opener.equals("#openInvites")) {
                TableView<?> tokens = (TableView<?>) all(dialog.getScene().getRoot()).stream()
                        .filter(n -> "tokenTable".equals(n.getId())).findFirst().orElseThrow();
                ui.waitUntil(() -> !tokens.getItems().isEmpty());
                robot.interact(() -> tokens.getSelectionModel().select(0));
            }
            robot.interact(() -> Screenshots.save(dialog.getScene(), "keyboard-" + opener.substring(1)));
            withoutMnemonic(dialog.getScene()).forEach(text -> problems.add(opener + ": no shortcut on " + text));
            sharedLetters(dialog.getScene()).forEach(text -> problems.add(opener + ": " + text));
            deadMnemonics(dialog.getScene()).forEach(text -> problems.add(opener + ": " + text));
            robot.interact(dialog::close);
        }
        assertThat(problems).isEmpty();
    }

    // ---- focus ring ----------------------------------------------------------------------------------------------

    private static int changedPixels(WritableImage a, WritableImage b, Bounds area) {
        PixelReader pa = a.getPixelReader();
        PixelReader pb = b.getPixelReader();
        int changed = 0;
        int x0 = (int) Math.max(0, area.getMinX() - 4);
        int y0 = (int) Math.max(0, area.getMinY() - 4);
        int x1 = (int) Math.min(a.getWidth() - 1, area.getMaxX() + 4);
        int y1 = (int) Math.min(a.getHeight() - 1, area.getMaxY() + 4);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (pa.getArgb(x, y) != pb.getArgb(x, y)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /** Focuses each control in turn and compares the window's pixels around it with and without focus. */
    private static List<String> withoutFocusRing(Scene scene) {
        List<String> missing = new ArrayList<>();
        List<Node> focusable = ui.onFx(() -> all(scene.getRoot()).stream()
                .filter(Node::isFocusTraversable).filter(FxAppHarness::treeVisible).filter(n -> !n.isDisabled())
                .filter(n -> n.getScene() != null && n.localToScene(n.getLayoutBounds()).getWidth() > 0)
                .toList());
        Node neutral = scene.getRoot();
        for (Node node : focusable) {
            WritableImage[] shots = new WritableImage[2];
            robot.interact(() -> {
                neutral.requestFocus();
                neutral.applyCss();
                scene.getRoot().layout();
                shots[0] = scene.snapshot(null);
            });
            robot.interact(() -> {
                node.requestFocus();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                shots[1] = scene.snapshot(null);
            });
            Bounds area = node.localToScene(node.getLayoutBounds());
            if (!node.isFocused() || changedPixels(shots[0], shots[1], area) < 20) {
                missing.add(node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId())
                        + (node instanceof Labeled l ? " \"" + l.getText() + "\"" : ""));
            }
        }
        robot.interact(neutral::requestFocus);
        return missing;
    }

    @Test
    @Order(5)
    void everyFocusableControlOfTheMainWindowShowsAFocusRing() {
        robot.moveTo(0, 0);
        robot.interact(() -> robot.lookup("#userTable").queryAs(TableView.class).getSelectionModel().select(0));
        assertThat(withoutFocusRing(mainScene())).isEmpty();
    }

    @Test
    @Order(6)
    void everyFocusableControlOfTheDeactivateDialogShowsAFocusRing() throws TimeoutException {
        Stage dialog = ui.openDialog("#deactivateAccount");
        try {
            robot.moveTo(0, 0);
            assertThat(withoutFocusRing(dialog.getScene())).isEmpty();
        } finally {
            robot.interact(dialog::close);
        }
    }

    @Test
    @Order(7)
    void lockingLeavesALastingNoteInThePanelWhoseUndoUnlocks() throws TimeoutException {
        // Focus first, as Tab would: the panel scrolls the focused button into view, where the click finds it.
        robot.interact(() -> robot.lookup("#toggleLock").query().requestFocus());
        robot.clickOn("#toggleLock");
        ui.waitUntil(() -> robot.lookup(".dialog-pane .button").queryAll().stream()
                .anyMatch(b -> b instanceof Button button && button.getText().equals("Lock " + active)));
        robot.clickOn("Lock " + active);
        ui.waitUntil(() -> admin.getUser(active).locked() && robot.lookup("#actionNote").tryQuery().isPresent());
        // Longer than a toast lives.
        WaitForAsyncUtils.sleep(5, TimeUnit.SECONDS);
        assertThat(robot.lookup("#actionNote").queryLabeled().getText()).startsWith("Locked at ");
        robot.interact(() -> Screenshots.save(mainScene(), "keyboard-note-after-lock"));

        robot.interact(() -> robot.lookup("#undoAction").query().requestFocus());
        robot.clickOn("#undoAction");
        ui.waitUntil(() -> !admin.getUser(active).locked());
        // The note is made again when the details reload after the undo: absent for a moment, then "Unlocked".
        ui.waitUntil(() -> robot.lookup("#actionNote").tryQuery()
                .map(note -> ((javafx.scene.control.Labeled) note).getText().startsWith("Unlocked at ")).orElse(false));
    }
}
