package app.registrar.ui.bulk.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.UserQuery;
import app.registrar.ui.bulk.ExportViewModel;
import app.registrar.ui.common.view.ModalDialog;
import app.registrar.ui.common.view.Views;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Exports the list as it is filtered to a CSV file, with progress and cancel. */
public final class ExportDialog extends ModalDialog {

    public ExportDialog(Window owner, ExportViewModel model, UserQuery query, Path target) {
        super(owner, tr("bulk.export.title"));
        bindBusy(model.runningProperty());
        Label intro = new Label(tr("bulk.export.intro", target.toString()));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label status = new Label();
        status.setId("exportStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());
        VBox content = new VBox(10, intro, bar, status, Views.errorBox(model.errorProperty()));
        content.setPrefWidth(480);
        setContent(content);
        Button cancel = addButton(tr("edit.cancel"), false, model::cancel);
        cancel.disableProperty().bind(model.runningProperty().not());
        Button close = addButton(tr("about.close"), true, this::close);
        close.setId("exportClose");
        close.disableProperty().bind(model.runningProperty());
        setOnShown(e -> model.export(query, target));
        cancel.visibleProperty().bind(Bindings.createBooleanBinding(() -> true));
    }
}
