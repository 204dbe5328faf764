package app.registrar.ui.common.view;

import app.registrar.ui.common.LeftBehindTicks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The spam and abuse ticks of the single and the bulk deactivation, each with the preview shown once ticked. */
public final class LeftBehindBox {

    private LeftBehindBox() {
    }

    /**
     * {@code ids} names the four nodes for tests and keyboard walks: the redact tick, its preview, the media tick
     * and its preview, in that order.
     */
    public static VBox of(LeftBehindTicks model, String redactText, String mediaText, String... ids) {
        CheckBox redact = tick(ids[0], redactText, model.redactProperty());
        Label messages = preview(ids[1], model.messagesPreviewProperty(), redact);
        CheckBox media = tick(ids[2], mediaText, model.deleteMediaProperty());
        Label files = preview(ids[3], model.mediaPreviewProperty(), media);
        VBox box = new VBox(6, redact, messages, media, files);
        box.getStyleClass().add("warning-box");
        return box;
    }

    private static CheckBox tick(String id, String text, BooleanProperty value) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setWrapText(true);
        box.setMinHeight(Region.USE_PREF_SIZE);
        box.setMnemonicParsing(true);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    private static Label preview(String id, ObservableStringValue text, CheckBox shownWhenTicked) {
        Label label = Views.help("");
        label.setId(id);
        label.textProperty().bind(text);
        label.visibleProperty().bind(shownWhenTicked.selectedProperty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
