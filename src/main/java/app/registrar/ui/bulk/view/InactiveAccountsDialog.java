package app.registrar.ui.bulk.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.UserQuery;
import app.registrar.api.UserSummary;
import app.registrar.ui.bulk.InactiveAccountsViewModel;
import app.registrar.ui.common.Formats;
import app.registrar.ui.common.view.ModalDialog;
import app.registrar.ui.common.view.Views;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Accounts not seen for N days, to review and deactivate together. */
public final class InactiveAccountsDialog extends ModalDialog {

    public InactiveAccountsDialog(Window owner, InactiveAccountsViewModel model, UserQuery query) {
        super(owner, tr("bulk.inactive.title"));
        bindBusy(model.runningProperty());
        Spinner<Integer> days = new Spinner<>(1, 3650, model.daysProperty().get(), 30);
        days.setId("inactiveDays");
        days.setEditable(true);
        days.valueProperty().addListener((obs, old, now) -> model.daysProperty().set(now));
        Button find = new Button(tr("bulk.inactive.find"));
        find.setId("inactiveFind");
        find.setDefaultButton(true);
        find.setOnAction(e -> model.find(query));
        find.disableProperty().bind(model.runningProperty());
        Label daysLabel = new Label(tr("bulk.inactive.days"));
        daysLabel.setLabelFor(days);
        HBox top = new HBox(8, daysLabel, days, find);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<UserSummary> rows = new TableView<>(model.getRows());
        rows.setId("inactiveRows");
        rows.setPrefHeight(260);
        TableColumn<UserSummary, String> who = new TableColumn<>(tr("list.column.user"));
        who.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().userId()));
        who.setPrefWidth(240);
        TableColumn<UserSummary, String> seen = new TableColumn<>(tr("list.column.seen"));
        seen.setCellValueFactory(c -> new ReadOnlyStringWrapper(Formats.ago(c.getValue().lastSeenAt())));
        seen.setPrefWidth(120);
        TableColumn<UserSummary, String> created = new TableColumn<>(tr("list.column.created"));
        created.setCellValueFactory(c -> new ReadOnlyStringWrapper(Formats.date(c.getValue().createdAt())));
        created.setPrefWidth(120);
        rows.getColumns().setAll(List.of(who, seen, created));
        rows.setPlaceholder(new Label(tr("bulk.inactive.none")));
        VBox.setVgrow(rows, Priority.ALWAYS);

        ProgressBar bar = new ProgressBar(0);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.runningProperty());
        Label status = new Label();
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());

        VBox content = new VBox(10, Views.help(tr("bulk.inactive.help")), top, rows, bar, status,
                Views.errorBox(model.errorProperty()));
        content.setPrefWidth(560);
        setContent(content);
        addButton(tr("about.close"), false, this::close).disableProperty().bind(model.runningProperty());
        Button deactivate = addButton(tr("bulk.inactive.deactivate"), false,
                () -> new BulkActionDialog(this, model.bulkAction()).showAndWait());
        deactivate.setId("inactiveDeactivate");
        deactivate.disableProperty().bind(model.runningProperty().or(Bindings.isEmpty(model.getRows())));
    }
}
