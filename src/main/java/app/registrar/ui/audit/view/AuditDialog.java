package app.registrar.ui.audit.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.audit.AuditEntry;
import app.registrar.ui.audit.AuditViewModel;
import app.registrar.ui.common.Formats;
import app.registrar.ui.common.view.ModalDialog;
import app.registrar.ui.common.view.Views;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The audit trail of the signed-in server: filters above, entries newest first, export below. */
public final class AuditDialog extends ModalDialog {

    public AuditDialog(Window owner, AuditViewModel model, String serverName) {
        super(owner, tr("audit.title"));
        bindBusy(model.loadingProperty());
        TextField account = new TextField();
        account.setId("auditAccount");
        account.setPrefColumnCount(14);
        account.textProperty().bindBidirectional(model.accountProperty());
        ChoiceBox<String> action = new ChoiceBox<>(model.getActions());
        action.setId("auditAction");
        action.setConverter(converter(code -> code.isEmpty() ? tr("audit.filter.any") : AuditViewModel.actionLabel(code)));
        action.valueProperty().bindBidirectional(model.actionProperty());
        action.setMinWidth(150);
        ChoiceBox<String> admin = new ChoiceBox<>(model.getAdmins());
        admin.setId("auditAdmin");
        admin.setConverter(converter(id -> id.isEmpty() ? tr("audit.filter.any") : id));
        admin.valueProperty().bindBidirectional(model.adminProperty());
        admin.setMinWidth(190);
        DatePicker from = new DatePicker();
        from.setId("auditFrom");
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("auditTo");
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(model.toProperty());
        TextField search = new TextField();
        search.setId("auditSearch");
        search.setPromptText(tr("audit.filter.search.prompt"));
        search.setPrefColumnCount(16);
        search.textProperty().bindBidirectional(model.searchProperty());
        FlowPane filters = new FlowPane(8, 8,
                Views.labelFor("audit.filter.account", account), account,
                Views.labelFor("audit.filter.action", action), action,
                Views.labelFor("audit.filter.admin", admin), admin,
                Views.labelFor("audit.filter.from", from), from,
                Views.labelFor("audit.filter.to", to), to,
                Views.labelFor("audit.filter.search", search), search);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<AuditEntry> table = new TableView<>(model.getShown());
        table.setId("auditEntries");
        table.getColumns().setAll(List.of(
                column("audit.column.sent", 150, e -> Formats.dateTime(e.sent())),
                column("audit.column.admin", 170, AuditEntry::admin),
                column("audit.column.action", 170, e -> AuditViewModel.actionLabel(e.action())),
                column("audit.column.target", 200, AuditEntry::target),
                column("audit.column.details", 170, AuditEntry::details),
                column("audit.column.outcome", 150, e -> e.error().isEmpty() ? AuditViewModel.outcomeLabel(e)
                        : AuditViewModel.outcomeLabel(e) + " (" + e.error() + ")")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(tr("audit.none.shown")));
        table.setPrefHeight(420);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label status = new Label();
        status.setId("auditStatus");
        status.textProperty().bind(model.statusProperty());

        CheckBox mirror = new CheckBox(tr("audit.mirror"));
        mirror.setId("auditMirror");
        mirror.setMnemonicParsing(true);
        mirror.selectedProperty().bindBidirectional(model.mirrorProperty());
        Label mirrorStatus = new Label();
        mirrorStatus.setId("auditMirrorStatus");
        mirrorStatus.setWrapText(true);
        mirrorStatus.textProperty().bind(model.mirrorStatusProperty());
        VBox content = new VBox(10, Views.help(tr("audit.help")), filters, table, status, mirror,
                Views.help(tr("audit.mirror.help")), mirrorStatus, Views.errorBox(model.errorProperty()));
        content.setPrefWidth(1140);
        setContent(content);
        addButton(tr("audit.refresh"), false, model::load).setId("auditRefresh");
        Button export = addButton(tr("audit.export"), false, model::chooseFileAndExport);
        export.setId("auditExport");
        export.disableProperty().bind(model.loadingProperty().or(Bindings.isEmpty(model.getShown())));
        addButton(tr("about.close"), true, this::close).setCancelButton(true);
        setOnHidden(e -> model.close());
        model.open();
    }

    private static TableColumn<AuditEntry, String> column(String key, double width,
                                                         Function<AuditEntry, String> text) {
        TableColumn<AuditEntry, String> column = new TableColumn<>(tr(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static StringConverter<String> converter(Function<String, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public String fromString(String text) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
