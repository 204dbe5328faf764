package app.registrar.ui.bulk.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.bulk.BulkAction;
import app.registrar.bulk.BulkResult;
import app.registrar.ui.bulk.BulkActionViewModel;
import app.registrar.ui.bulk.SelectionPreviewViewModel;
import app.registrar.ui.common.view.LeftBehindBox;
import app.registrar.ui.common.view.ModalDialog;
import app.registrar.ui.common.view.Views;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** One action on many selected accounts, run one at a time, with a result per account. */
public final class BulkActionDialog extends ModalDialog {

    public BulkActionDialog(Window owner, BulkActionViewModel model) {
        super(owner, tr("bulk.action.title", model.affectedCount()));
        bindBusy(model.runningProperty());

        Label intro = new Label(tr("bulk.action.intro", model.affectedCount())
                + (model.includesOwnAccount() ? " " + tr("bulk.action.own") : ""));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        ComboBox<BulkAction> action = new ComboBox<>();
        action.setId("bulkAction");
        action.getItems().setAll(BulkAction.values());
        action.valueProperty().bindBidirectional(model.actionProperty());
        action.setConverter(new StringConverter<>() {
            @Override
            public String toString(BulkAction value) {
                return value == null ? "" : BulkActionViewModel.label(value);
            }

            @Override
            public BulkAction fromString(String text) {
                return null;
            }
        });
        action.setPromptText(tr("bulk.action.choose"));

        TextField typed = new TextField();
        typed.setId("bulkTypedCount");
        typed.textProperty().bindBidirectional(model.typedCountProperty());
        Label typeLabel = new Label(tr("bulk.action.type", model.affectedCount()));
        typeLabel.setLabelFor(typed);
        VBox typeBox = new VBox(4, typeLabel, typed);
        typeBox.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.actionProperty().get() != null && model.actionProperty().get().isDestructive(), model.actionProperty()));
        typeBox.managedProperty().bind(typeBox.visibleProperty());

        CheckBox erase = new CheckBox(tr("bulk.action.erase.understood"));
        erase.setId("bulkEraseUnderstood");
        erase.setWrapText(true);
        erase.selectedProperty().bindBidirectional(model.eraseUnderstoodProperty());
        erase.visibleProperty().bind(model.actionProperty().isEqualTo(BulkAction.DEACTIVATE_AND_ERASE));
        erase.managedProperty().bind(erase.visibleProperty());

        HBox passwordsRow = PasswordsFileRow.of(model.passwordsFileProperty(), model::choosePasswordsFile);
        VBox passwordsBox = new VBox(4, Views.help(tr("bulk.passwords.help")), passwordsRow);
        passwordsBox.visibleProperty().bind(model.actionProperty().isEqualTo(BulkAction.REACTIVATE));
        passwordsBox.managedProperty().bind(passwordsBox.visibleProperty());

        ProgressBar bar = new ProgressBar(0);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label status = new Label();
        status.setId("bulkStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());

        TableView<BulkResult> results = new TableView<>(model.getResults());
        results.setId("bulkResults");
        results.setPrefHeight(180);
        TableColumn<BulkResult, String> who = new TableColumn<>(tr("list.column.user"));
        who.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().userId()));
        who.setPrefWidth(240);
        TableColumn<BulkResult, String> outcome = new TableColumn<>(tr("bulk.result"));
        outcome.setCellValueFactory(c -> new ReadOnlyStringWrapper(tr("bulk.outcome." + c.getValue().outcome().name().toLowerCase(Locale.ROOT))
                + (c.getValue().detail() == null ? "" : " — " + c.getValue().detail())));
        outcome.setPrefWidth(260);
        results.getColumns().setAll(List.of(who, outcome));
        results.setPlaceholder(new Label(tr("bulk.results.none")));
        VBox.setVgrow(results, Priority.ALWAYS);

        VBox leftBehind = LeftBehindBox.of(model.getLeftBehind(), tr("bulk.redact"), tr("bulk.media"),
                "bulkRedactMessages", "bulkRedactPreview", "bulkDeleteMedia", "bulkDeleteMediaPreview");
        leftBehind.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.actionProperty().get() != null && model.actionProperty().get().isDestructive(), model.actionProperty()));
        leftBehind.managedProperty().bind(leftBehind.visibleProperty());
        VBox form = new VBox(10, intro, action, previewBox(model), typeBox, erase, leftBehind, passwordsBox);
        form.disableProperty().bind(model.runningProperty());
        VBox content = new VBox(12, form, bar, status, Views.errorBox(model.errorProperty()), results);
        content.setPrefWidth(560);
        setContent(content);

        addJobButtons(model.runningProperty(), model.pausedProperty(), model::pause, model::resume, model::cancel);
        Button run = addButton(tr("bulk.run"), true, model::run);
        run.setId("bulkRun");
        run.disableProperty().bind(model.canRunProperty().not());
        setOnHidden(e -> {
            model.getPreview().cancel();
            model.getLeftBehind().cancel();
        });
    }

    /** The sums of what goes, shown for a deactivation, with progress and a way to stop reading. */
    private static VBox previewBox(BulkActionViewModel model) {
        SelectionPreviewViewModel preview = model.getPreview();
        Label title = new Label(tr("bulk.preview.title"));
        title.getStyleClass().add("section-title");
        ProgressBar bar = new ProgressBar(0);
        bar.setId("bulkPreviewProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(preview.progressProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Hyperlink stop = new Hyperlink(tr("bulk.preview.stop"));
        stop.setId("bulkPreviewStop");
        stop.setOnAction(e -> preview.cancel());
        HBox reading = new HBox(8, bar, stop);
        reading.setId("bulkPreviewReading");
        reading.setAlignment(Pos.CENTER_LEFT);
        reading.visibleProperty().bind(preview.runningProperty());
        reading.managedProperty().bind(reading.visibleProperty());
        Label status = new Label();
        status.setId("bulkPreviewStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(preview.statusProperty());
        status.managedProperty().bind(Bindings.isNotEmpty(preview.statusProperty()));
        VBox lines = new VBox(2);
        lines.setId("bulkPreviewLines");
        Runnable fill = () -> lines.getChildren().setAll(preview.getLines().stream().map(text -> {
            Label line = new Label("• " + text);
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            return line;
        }).toList());
        preview.getLines().addListener((ListChangeListener<String>) c -> fill.run());
        Label erased = new Label(tr("bulk.preview.erase"));
        erased.setWrapText(true);
        erased.setMinHeight(Region.USE_PREF_SIZE);
        erased.visibleProperty().bind(model.actionProperty().isEqualTo(BulkAction.DEACTIVATE_AND_ERASE));
        erased.managedProperty().bind(erased.visibleProperty());
        VBox box = new VBox(4, title, reading, status, lines, erased);
        box.setId("bulkPreview");
        box.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.actionProperty().get() != null && model.actionProperty().get().isDestructive(), model.actionProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
