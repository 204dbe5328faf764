package app.registrar.ui.common.view;

import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.I18n;
import app.registrar.ui.common.OutcomeCheck;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small building blocks the views share, so every screen labels, explains and reports errors the same way. */
public final class Views {

    private Views() {
    }

    /** A label with a mnemonic (the {@code _} in its text) that focuses {@code target}. */
    public static Label labelFor(String key, Node target) {
        Label label = new Label(I18n.tr(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        return label;
    }

    /** Small grey help text under a field. */
    public static Label help(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("help-text");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** A red line under a field that shows a problem, and takes no space while there is none. */
    public static Label problem(ObservableStringValue text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add("field-problem");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.managedProperty().bind(label.visibleProperty());
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        return label;
    }

    /** The error area: the sentence, the next step, and the technical details folded away. */
    /**
     * "Check again" for a change whose outcome could not be confirmed: shown only then, and relabelled while the
     * read-back runs.
     */
    /**
     * Scrolls {@code scroll} so that the control that takes the keyboard focus inside it is in view: tabbing to a
     * button below the fold must not leave its focus ring (and the button) out of sight. Not for a click: what was
     * clicked is in view already, and moving it between press and release would lose the click.
     */
    public static void keepFocusedInView(ScrollPane scroll) {
        boolean[] pointer = {false};
        scroll.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                // Only the focus a press itself gives is left alone; it moves within the press's handling.
                scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
                    pointer[0] = true;
                    Platform.runLater(() -> pointer[0] = false);
                });
                scene.focusOwnerProperty().addListener((o, was, node) -> {
                    if (!pointer[0]) {
                        reveal(scroll, node);
                    }
                });
            }
        });
    }

    private static void reveal(ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        if (node == null || content == null) {
            return;
        }
        Node up = node;
        while (up != null && up != content) {
            up = up.getParent();
        }
        double hidden = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        if (up == null || hidden <= 0) {
            return;
        }
        Bounds shown = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double top = scroll.getVvalue() * hidden;
        double viewport = scroll.getViewportBounds().getHeight();
        if (shown.getMinY() < top) {
            scroll.setVvalue(Math.max(0, shown.getMinY() - 8) / hidden);
        } else if (shown.getMaxY() > top + viewport) {
            scroll.setVvalue(Math.min(hidden, shown.getMaxY() + 8 - viewport) / hidden);
        }
    }

    public static Button checkAgainButton(OutcomeCheck check) {
        return checkAgainButton(check, "outcome.check.again", "outcome.checking");
    }

    /** The same button with its own words, for a check that is not a read-back (a password is sent once more). */
    public static Button checkAgainButton(OutcomeCheck check, String labelKey, String runningKey) {
        Button button = new Button();
        button.setId("checkAgain");
        button.textProperty().bind(Bindings.when(check.checkingProperty())
                .then(I18n.tr(runningKey)).otherwise(I18n.tr(labelKey)));
        button.visibleProperty().bind(check.unconfirmedProperty());
        button.managedProperty().bind(button.visibleProperty());
        button.disableProperty().bind(check.checkingProperty());
        button.setOnAction(event -> check.checkAgain());
        return button;
    }

    public static VBox errorBox(ObservableValue<ErrorReport> report) {
        Label message = new Label();
        message.getStyleClass().add("error-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        Label next = new Label();
        next.setWrapText(true);
        next.setMinHeight(Region.USE_PREF_SIZE);
        TextArea details = new TextArea();
        details.setEditable(false);
        details.setWrapText(true);
        details.setMinHeight(Region.USE_PREF_SIZE);
        details.setPrefRowCount(3);
        TitledPane detailsPane = new TitledPane(I18n.tr("dialog.details"), details);
        detailsPane.setExpanded(false);
        detailsPane.setAnimated(false);
        VBox box = new VBox(4, message, next, detailsPane);
        box.getStyleClass().add("error-box");
        box.managedProperty().bind(box.visibleProperty());
        box.setVisible(false);
        Consumer<ErrorReport> show = now -> {
            box.setVisible(now != null);
            if (now != null) {
                // A new error starts folded: an open Details from an earlier error must not greet the admin
                // with an HTTP status.
                detailsPane.setExpanded(false);
                message.setText(now.message());
                next.setText(now.nextStep());
                details.setText(now.details());
                box.setAccessibleText(now.summary());
            }
        };
        report.addListener((obs, old, now) -> show.accept(now));
        // A box built while an error is already there shows it too.
        show.accept(report.getValue());
        return box;
    }
}
