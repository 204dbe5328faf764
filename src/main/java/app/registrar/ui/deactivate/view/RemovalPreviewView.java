package app.registrar.ui.deactivate.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.RemovalPreview;
import app.registrar.ui.deactivate.RemovalPreviewViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** "What goes": the account's rooms, devices, emails and media, and with erase who stops seeing its messages. */
public final class RemovalPreviewView extends VBox {

    public RemovalPreviewView(RemovalPreviewViewModel model, ObservableBooleanValue erase) {
        super(4);
        setId("removalPreview");
        Label title = new Label(tr("preview.title"));
        title.getStyleClass().add("section-title");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(model.loadingProperty());
        spinner.managedProperty().bind(model.loadingProperty());
        VBox lines = new VBox(2);
        model.getLines().addListener((ListChangeListener<String>) change -> {
            lines.getChildren().clear();
            model.getLines().forEach(text -> lines.getChildren().add(wrapped(new Label("• " + text))));
        });
        Label hidden = wrapped(new Label());
        hidden.textProperty().bind(Bindings.createStringBinding(() -> {
            RemovalPreview p = model.previewProperty().get();
            return p == null ? "" : tr("preview.erase.hidden", p.roomCount());
        }, model.previewProperty()));
        hidden.visibleProperty().bind(Bindings.createBooleanBinding(() -> erase.get()
                && model.previewProperty().get() != null, erase, model.previewProperty()));
        hidden.managedProperty().bind(hidden.visibleProperty());
        Label problem = wrapped(new Label());
        problem.textProperty().bind(model.problemProperty());
        problem.getStyleClass().add("error-message");
        problem.visibleProperty().bind(Bindings.isNotEmpty(model.problemProperty()));
        problem.managedProperty().bind(problem.visibleProperty());
        getChildren().addAll(title, spinner, lines, hidden, problem);
    }

    private static Label wrapped(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
