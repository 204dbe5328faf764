package app.registrar.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A modal dialog window that stays open while its action runs: Enter runs the default button, Escape closes
 * unless the action is busy, and a spinner shows that work is going on.
 */
public class ModalDialog extends Stage {

    private final BorderPane root = new BorderPane();
    private final HBox buttons = new HBox(8);
    private final ProgressIndicator spinner = new ProgressIndicator();
    private ObservableBooleanValue busy;

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
        root.setBottom(buttons);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Theme.stylesheet());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !isBusy()) {
                close();
            }
        });
        setScene(scene);
        setOnCloseRequest(e -> {
            if (isBusy()) {
                e.consume();
            }
        });
    }

    protected void setContent(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        if (content instanceof Region region) {
            region.setPadding(new Insets(20, 20, 8, 20));
        }
        root.setCenter(scroll);
    }

    /** Binds the busy state: the spinner shows and the window cannot be closed while it is true. */
    protected void bindBusy(ObservableBooleanValue value) {
        this.busy = value;
        spinner.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(value::get, value));
    }

    private boolean isBusy() {
        return busy != null && busy.get();
    }

    /** Adds a button on the right; the first default button gets Enter, the cancel button Escape. */
    protected Button addButton(String text, boolean isDefault, Runnable action) {
        Button button = new Button(text);
        button.setMnemonicParsing(true);
        button.setDefaultButton(isDefault);
        if (isDefault) {
            button.getStyleClass().add("accent");
        }
        button.setOnAction(e -> action.run());
        buttons.getChildren().add(button);
        return button;
    }

    protected Button addCancelButton(String text) {
        Button button = addButton(text, false, this::close);
        button.setCancelButton(true);
        if (busy != null) {
            button.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(busy::get, busy));
        }
        return button;
    }
}
