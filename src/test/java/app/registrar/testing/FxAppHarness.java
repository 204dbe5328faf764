package app.registrar.testing;

import app.registrar.RegistrarApp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app for a TestFX test: start it with its own preferences, sign in, wait for what the screen should
 * show (saving the screen when the wait gives up, which says more than the time-out), type, look up, open a
 * dialog, save screenshots and close it all again. One per test class, held in a static field.
 */
public final class FxAppHarness {

    /** Generous: several engineers and their servers share two cores; only a failing wait ever waits this long. */
    private static final int PATIENCE_SECONDS = 60;

    private final FxRobot robot = new SteadyRobot();
    private final String name;
    private Stage stage;
    private Application app;

    /** {@code name} prefixes the screenshot saved when a wait gives up ({@code <name>-gave-up.png}). */
    public FxAppHarness(String name) {
        this.name = name;
    }

    /** Starts the app on a fresh preferences node, so no saved server or setting of another test leaks in. */
    public FxAppHarness start() throws TimeoutException {
        System.setProperty("registrar.prefs", "app/registrar/test/" + UUID.randomUUID());
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(RegistrarApp.class);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /**
     * Starts the app like {@link #start()}, with {@code browser} opening web pages instead of the system browser
     * (which a test cannot drive): the one part of the app a test replaces.
     */
    public FxAppHarness start(Consumer<String> browser) throws TimeoutException {
        System.setProperty("registrar.prefs", "app/registrar/test/" + UUID.randomUUID());
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new RegistrarApp(browser));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Signs in on the connect screen with the test Synapse's admin and password, and waits for the user list. */
    public FxAppHarness signInAsAdmin(TestSynapse synapse) throws TimeoutException {
        robot.clickOn("#server").write(synapse.url().toString());
        robot.clickOn("#user").write(synapse.adminUser().substring(1, synapse.adminUser().indexOf(':')));
        robot.clickOn("#password").write(synapse.adminPassword());
        robot.clickOn("#signIn");
        waitUntil(() -> robot.lookup("#userTable").tryQuery().isPresent());
        return this;
    }

    /** Closes what a failed step left open (a dialog would block the next TestFX class), then the app. */
    public void stop() throws TimeoutException {
        closeDialogs();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
        FxToolkit.hideStage();
    }

    public FxRobot robot() {
        return robot;
    }

    public RegistrarApp app() {
        return (RegistrarApp) app;
    }

    public Stage stage() {
        return stage;
    }

    /**
     * Polls {@code condition} from the test thread until it holds. A condition that looks nodes up walks the scene
     * graph while the JavaFX thread may be changing it (a panel rebuilt, a dialog laid out), so a lookup can throw
     * mid-change: that poll counts as "not yet" and the next one looks again. The last such throw is attached to
     * the time-out, so a condition that always throws still fails, with its cause.
     */
    public void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        RuntimeException[] lastThrow = new RuntimeException[1];
        try {
            WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS, () -> {
                try {
                    return condition.call();
                } catch (RuntimeException racedWithTheFxThread) {
                    lastThrow[0] = racedWithTheFxThread;
                    return false;
                }
            });
        } catch (TimeoutException e) {
            if (lastThrow[0] != null) {
                e.addSuppressed(lastThrow[0]);
            }
            shoot(name + "-gave-up");
            throw e;
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs {@code work} on the JavaFX thread and returns its result. */
    public <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Saves the focused window, or the newest one when none has the focus (Monocle does not always give it). */
    public void shoot(String file) {
        WaitForAsyncUtils.waitForFxEvents();
        List<Window> windows = robot.listTargetWindows();
        if (windows.isEmpty()) {
            return;
        }
        Window window = windows.stream().filter(Window::isFocused).findFirst().orElse(windows.get(windows.size() - 1));
        robot.interact(() -> Screenshots.save(window.getScene(), file));
    }

    /** Saves the newest window of a type (the main stage, a dialog's stage). */
    public void shoot(Class<? extends Window> type, String file) {
        WaitForAsyncUtils.waitForFxEvents();
        Window window = robot.listTargetWindows().stream().filter(type::isInstance).reduce((a, b) -> b).orElseThrow();
        robot.interact(() -> Screenshots.save(window.getScene(), file));
    }

    /** Saves the window that shows {@code query} (a dialog is not always the focused window under Monocle). */
    public void shootWindowOf(String query, String file) {
        WaitForAsyncUtils.waitForFxEvents();
        Window window = robot.lookup(query).query().getScene().getWindow();
        robot.interact(() -> Screenshots.save(window.getScene(), file));
    }

    /** Replaces what the field holds with {@code text}, typed key by key. */
    public void type(String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public boolean showing(String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent();
    }

    public boolean enabled(String query) {
        return robot.lookup(query).tryQuery().filter(n -> !n.isDisabled()).isPresent();
    }

    /**
     * Fires the button and returns the window it opened. Posted, not through interact: a dialog's showAndWait
     * keeps the handler running until the dialog closes.
     */
    public Stage openDialog(String buttonId) throws TimeoutException {
        List<Window> before = new ArrayList<>(Window.getWindows());
        Button opener = robot.lookup(buttonId).queryAs(Button.class);
        Platform.runLater(opener::fire);
        return newWindow(before);
    }

    /** The window that opened since {@code before} was taken, once it has had time to lay itself out. */
    public Stage newWindow(List<Window> before) throws TimeoutException {
        waitUntil(() -> Window.getWindows().stream().anyMatch(w -> !before.contains(w) && w.isShowing()));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return (Stage) Window.getWindows().stream().filter(w -> !before.contains(w) && w.isShowing())
                .findFirst().orElseThrow();
    }

    /** Hides every window that has an owner: the dialogs, and the questions above them. */
    public void closeDialogs() {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage s && s.getOwner() != null).forEach(Window::hide));
    }

    /** Every node below {@code root}, depth first. */
    public static List<Node> all(Parent root) {
        List<Node> out = new ArrayList<>();
        for (Node child : root.getChildrenUnmodifiable()) {
            out.add(child);
            if (child instanceof Parent parent) {
                out.addAll(all(parent));
            }
        }
        return out;
    }

    /** Whether the node and every parent above it is visible. */
    public static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A robot whose {@code clickOn(query)} waits for the JavaFX thread to finish what it has queued and retries
     * when the node it found was taken out of its scene before the click (a panel rebuilt after a read-back):
     * TestFX then throws "scene is null" while working out where to click, before the mouse has moved, so a
     * retry never clicks twice.
     */
    private static final class SteadyRobot extends FxRobot {
        @Override
        public FxRobotInterface clickOn(String query, MouseButton... buttons) {
            for (int attempt = 1; ; attempt++) {
                WaitForAsyncUtils.waitForFxEvents();
                try {
                    return super.clickOn(query, buttons);
                } catch (NullPointerException nodeLeftItsScene) {
                    if (attempt == 3) {
                        throw nodeLeftItsScene;
                    }
                }
            }
        }
    }
}
