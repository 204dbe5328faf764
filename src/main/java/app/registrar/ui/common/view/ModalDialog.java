package app.registrar.ui.common.view;

import app.registrar.ui.common.Confirmation;
import app.registrar.ui.common.I18n;
import app.registrar.ui.common.TypedInput;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * A modal dialog window that stays open while its action runs: Enter runs the default button, Escape closes
 * unless the action is busy, and a spinner shows that work is going on.
 */
public class ModalDialog extends Stage {

    // A VBox root has a horizontal content bias when its text wraps, so the scene asks for the height at the
    // actual width and wrapped labels are never cut off.
    private final VBox root = new VBox();
    private final StackPane center = new StackPane();
    private final HBox buttons = new HBox(8);
    private final ProgressIndicator spinner = new ProgressIndicator();
    private ObservableBooleanValue busy;
    private ObservableBooleanValue typedInput;
    private boolean asking;
    private boolean fitToContent = true;
    // The content inside the scroll pane: its own height at the window's width is what the window should show.
    private Region body;

    public ModalDialog(Window owner, String title) {
        if (owner != null) {
            initOwner(owner);
        }
        initModality(Modality.WINDOW_MODAL);
        setTitle(title);
        spinner.setPrefSize(18, 18);
        spinner.setVisible(false);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        buttons.getChildren().addAll(spinner, grow);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(12, 20, 16, 20));
        VBox.setVgrow(center, Priority.ALWAYS);
        root.getChildren().addAll(center, buttons);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Theme.stylesheet());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                dismiss();
            }
        });
        setScene(scene);
        // Wrapped text knows its height only after the first layout: fit the window to it once shown.
        addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            if (!fitToContent) {
                Rectangle2D screen = Screen.getPrimary().getVisualBounds();
                setHeight(Math.min(getHeight(), Math.min(MAX_HEIGHT, screen.getHeight() - 40)));
                setWidth(Math.min(getWidth(), Math.min(MAX_WIDTH, screen.getWidth() - 40)));
                centerOnOwner();
            }
            if (fitToContent) {
                fitToRoot();
                centerOnOwner();
                // Content that appears later (an error, a second confirmation) grows the window instead of
                // being cut off.
                root.needsLayoutProperty().addListener((obs, old, now) -> {
                    if (now) {
                        Platform.runLater(this::fitToRoot);
                    }
                });
            }
        });
        // The window's own close button: never while busy, and like Escape it asks before losing typed input.
        setOnCloseRequest(e -> {
            if (isBusy() || asking || (typedInput != null && typedInput.get())) {
                e.consume();
                dismiss();
            }
        });
    }

    /**
     * Makes Escape, the cancel button and the window's close button ask before discarding what the admin typed
     * ({@code present}, usually a view model's {@link TypedInput}); closing after the work succeeded never asks.
     */
    protected void askBeforeDiscarding(ObservableBooleanValue present) {
        this.typedInput = present;
    }

    /**
     * Closes the dialog as Escape, Cancel and the window's close button do: not while its work runs, and only
     * after the admin agreed to lose what they typed.
     */
    public void dismiss() {
        if (isBusy() || asking || !isShowing()) {
            return;
        }
        if (typedInput != null && typedInput.get()) {
            asking = true;
            boolean discard;
            try {
                // Owned by this dialog, so the question sits above the form it is about.
                discard = new FxDialogService(() -> this, null).confirm(new Confirmation(I18n.tr("discard.title"),
                        I18n.tr("discard.header"), I18n.tr("discard.text"), I18n.tr("discard.action"),
                        I18n.tr("discard.keep"), true));
            } finally {
                asking = false;
            }
            if (!discard) {
                return;
            }
        }
        close();
    }

    /**
     * The window a dialog that interrupts the admin (sign in again) belongs to: the dialog showing on top of
     * {@code main}, so it opens above the form it is about and that form waits for it, else {@code main} itself.
     */
    public static Window topmost(Window main) {
        Window top = main;
        for (Window window : Window.getWindows()) {
            // Windows are listed in the order they were shown: a later one owned by the current top sits above it.
            if (window.isShowing() && window instanceof Stage stage && stage.getOwner() == top) {
                top = window;
            }
        }
        return top;
    }

    /** Content that fits the screen: the dialog takes its full size. */
    protected void setContent(Region content) {
        content.setPadding(new Insets(20, 20, 8, 20));
        // Inside a scroll pane that only scrolls when the window had to be kept smaller than its content.
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        Views.keepFocusedInView(scroll);
        center.getChildren().setAll(scroll);
        body = content;
    }

    /** Long content (the account editor): scrolls inside a window sized to the screen. */
    protected void setScrollableContent(Region content) {
        fitToContent = false;
        content.setPadding(new Insets(20, 20, 8, 20));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        Views.keepFocusedInView(scroll);
        center.getChildren().setAll(scroll);
    }

    /** Binds the busy state: the spinner shows and the window cannot be closed while it is true. */
    protected void bindBusy(ObservableBooleanValue value) {
        this.busy = value;
        spinner.visibleProperty().bind(Bindings.createBooleanBinding(value::get, value));
    }

    /** The largest a dialog may be: it fits a 1024×700 screen, and the screen it is on. */
    protected static final double MAX_WIDTH = 984;
    protected static final double MAX_HEIGHT = 660;

    private void fitToRoot() {
        double frameWidth = getWidth() - getScene().getWidth();
        double frameHeight = getHeight() - getScene().getHeight();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double maxWidth = Math.min(MAX_WIDTH, screen.getWidth() - 40) - frameWidth;
        double maxHeight = Math.min(MAX_HEIGHT, screen.getHeight() - 40) - frameHeight;
        double width = Math.min(maxWidth, Math.max(getScene().getWidth(), root.prefWidth(-1)));
        double wanted = body == null ? root.prefHeight(width)
                : body.prefHeight(width) + buttons.prefHeight(width) + 2;
        double height = Math.min(maxHeight, Math.max(getScene().getHeight(), wanted));
        setWidth(width + frameWidth);
        setHeight(height + frameHeight);
    }

    // Growing the window after it was placed would leave it off-centre; place it again over its owner.
    protected void centerOnOwner() {
        Window owner = getOwner();
        if (owner != null && owner.getWidth() > 0) {
            setX(owner.getX() + (owner.getWidth() - getWidth()) / 2);
            setY(Math.max(owner.getY(), owner.getY() + (owner.getHeight() - getHeight()) / 3));
        }
    }

    private boolean isBusy() {
        return busy != null && busy.get();
    }

    /** Adds a button on the right; the first default button gets Enter, the cancel button Escape. */
    protected Button addButton(String text, boolean isDefault, Runnable action) {
        Button button = new Button(text);
        button.setMnemonicParsing(true);
        // Verb buttons name the account: never cut their text short.
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setDefaultButton(isDefault);
        if (isDefault) {
            button.getStyleClass().add("accent");
        }
        button.setOnAction(e -> action.run());
        buttons.getChildren().add(button);
        return button;
    }

    /**
     * The buttons of a long job (import, bulk action): Pause/Resume and Cancel while it runs, Close once it stopped.
     */
    protected void addJobButtons(ObservableBooleanValue running, ObservableBooleanValue paused,
                                 Runnable pause, Runnable resume, Runnable cancel) {
        Button pauseButton = addButton(I18n.tr("bulk.pause"), false, () -> {
            if (paused.get()) {
                resume.run();
            } else {
                pause.run();
            }
        });
        pauseButton.textProperty().bind(Bindings.when(paused)
                .then(I18n.tr("bulk.resume")).otherwise(I18n.tr("bulk.pause")));
        BooleanBinding isRunning = Bindings.createBooleanBinding(running::get, running);
        pauseButton.visibleProperty().bind(isRunning);
        Button cancelButton = addButton(I18n.tr("edit.cancel"), false, cancel);
        cancelButton.visibleProperty().bind(isRunning);
        addButton(I18n.tr("about.close"), false, this::dismiss).disableProperty().bind(isRunning);
    }

    protected Button addCancelButton(String text) {
        Button button = addButton(text, false, this::dismiss);
        button.setCancelButton(true);
        if (busy != null) {
            button.disableProperty().bind(Bindings.createBooleanBinding(busy::get, busy));
        }
        return button;
    }
}
