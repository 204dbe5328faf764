package app.registrar.ui.bulk.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.bulk.ImportOptions;
import app.registrar.bulk.ImportRow;
import app.registrar.ui.bulk.ImportViewModel;
import app.registrar.ui.common.TextSafety;
import app.registrar.ui.common.view.ModalDialog;
import app.registrar.ui.common.view.Views;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Imports accounts from CSV: preview with a check per row, dry run, then a run with pause, cancel and a report. */
public final class ImportDialog extends ModalDialog {

    public ImportDialog(Window owner, ImportViewModel model, Path csv) {
        super(owner, tr("bulk.import.title"));
        bindBusy(model.runningProperty());
        askBeforeDiscarding(model.getTypedInput().presentProperty());

        Label file = new Label(tr("bulk.import.file", csv.toString()));
        file.setWrapText(true);
        file.setMinHeight(Region.USE_PREF_SIZE);
        Label summary = new Label();
        summary.setId("importSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.previewSummaryProperty());

        TableView<ImportRow> rows = new TableView<>(model.getRows());
        rows.setId("importRows");
        rows.setPrefHeight(220);
        TableColumn<ImportRow, String> line = new TableColumn<>(tr("bulk.import.line"));
        line.setCellValueFactory(c -> new ReadOnlyStringWrapper(Long.toString(c.getValue().line())));
        line.setPrefWidth(60);
        TableColumn<ImportRow, String> who = new TableColumn<>(tr("list.column.user"));
        who.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().userId()));
        who.setPrefWidth(220);
        TableColumn<ImportRow, String> name = new TableColumn<>(tr("list.column.name"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(TextSafety.visible(c.getValue().displayName())));
        name.setPrefWidth(150);
        TableColumn<ImportRow, String> problems = new TableColumn<>(tr("bulk.import.problems"));
        problems.setCellValueFactory(c -> new ReadOnlyStringWrapper(ImportViewModel.problemsText(c.getValue())));
        problems.setPrefWidth(260);
        rows.getColumns().setAll(List.of(line, who, name, problems));
        VBox.setVgrow(rows, Priority.ALWAYS);

        ComboBox<ImportOptions.Existing> existing = new ComboBox<>();
        existing.getItems().setAll(ImportOptions.Existing.values());
        existing.valueProperty().bindBidirectional(model.existingProperty());
        existing.setConverter(new StringConverter<>() {
            @Override
            public String toString(ImportOptions.Existing value) {
                return value == null ? "" : tr("bulk.import.existing." + value.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public ImportOptions.Existing fromString(String text) {
                return null;
            }
        });
        HBox existingRow = new HBox(8, new Label(tr("bulk.import.existing")), existing);
        existingRow.setAlignment(Pos.CENTER_LEFT);
        CheckBox generate = new CheckBox(tr("bulk.import.generate"));
        generate.selectedProperty().bindBidirectional(model.generatePasswordsProperty());
        HBox passwordsRow = PasswordsFileRow.of(model.passwordsFileProperty(), model::choosePasswordsFile);
        passwordsRow.visibleProperty().bind(model.needsPasswordsFileProperty());
        passwordsRow.managedProperty().bind(passwordsRow.visibleProperty());
        VBox options = new VBox(8, existingRow, generate, passwordsRow);
        options.disableProperty().bind(model.runningProperty());

        ProgressBar bar = new ProgressBar(0);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label status = new Label();
        status.setId("importStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());

        VBox content = new VBox(10, file, summary, rows, options, bar, status, Views.errorBox(model.errorProperty()));
        content.setPrefWidth(720);
        setContent(content);

        addJobButtons(model.runningProperty(), model.pausedProperty(), model::pause, model::resume, model::cancel);
        Button dryRun = addButton(tr("bulk.import.dry.run"), false, model::dryRun);
        dryRun.setId("importDryRun");
        dryRun.disableProperty().bind(model.canRunProperty().not());
        Button run = addButton(tr("bulk.import.run"), true, model::run);
        run.setId("importRun");
        run.disableProperty().bind(model.canRunProperty().not());
        setOnShown(e -> model.load(csv));
    }
}
