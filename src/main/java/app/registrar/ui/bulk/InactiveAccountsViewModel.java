package app.registrar.ui.bulk;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.UserQuery;
import app.registrar.api.UserSummary;
import app.registrar.bulk.BulkAction;
import app.registrar.bulk.BulkService;
import app.registrar.bulk.ExportProgress;
import app.registrar.bulk.InactiveAccounts;
import app.registrar.bulk.JobControl;
import app.registrar.bulk.ProgressRelay;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorReport;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "not seen for N days" view: finds the active accounts of the current filter that nobody used for
 * {@link #daysProperty() N} days, shows them for review, and hands them to a {@link BulkActionViewModel} to
 * deactivate in bulk.
 */
public final class InactiveAccountsViewModel {

    public static final int DEFAULT_DAYS = 180;

    private final BulkService service;
    private final DialogService dialogs;
    private final IntegerProperty days = new SimpleIntegerProperty(DEFAULT_DAYS);
    private final ObservableList<UserSummary> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<InactiveAccounts.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private JobControl control;

    public InactiveAccountsViewModel(BulkService service, DialogService dialogs) {
        this.service = service;
        this.dialogs = dialogs;
    }

    /** Looks through the active accounts {@code filter} matches (deactivated ones are never "inactive"). */
    public void find(UserQuery filter) {
        if (running.get() || days.get() < 1) {
            return;
        }
        JobControl job = new JobControl();
        control = job;
        running.set(true);
        error.set(null);
        progress.set(-1);
        status.set(tr("inactive.searching", days.get()));
        int chosenDays = days.get();
        service.findInactive(filter.withState(UserQuery.AccountState.ACTIVE), chosenDays, job,
                        new ProgressRelay<ExportProgress>(service.executor(), p -> {
                            if (running.get()) {
                                progress.set(p.fraction());
                                status.set(tr("inactive.progress", p.written(), p.total()));
                            }
                        }))
                .onSuccess(found -> {
                    result.set(found);
                    rows.setAll(found.rows());
                    progress.set(1);
                    status.set(tr(found.cancelled() ? "inactive.cancelled" : "inactive.found",
                            found.userIds().size(), found.scanned(), chosenDays));
                })
                .onFailure(e -> {
                    error.set(BulkErrors.describe(e));
                    status.set("");
                })
                .andFinally(() -> running.set(false))
                .start();
    }

    public void cancel() {
        if (control != null) {
            control.cancel();
        }
    }

    /** A bulk action on every account found (not only the rows shown), to deactivate them after review. */
    public BulkActionViewModel bulkAction() {
        InactiveAccounts.Result found = result.get();
        BulkActionViewModel bulk = new BulkActionViewModel(service, dialogs, found == null ? List.of() : found.userIds());
        bulk.actionProperty().set(BulkAction.DEACTIVATE);
        return bulk;
    }

    public IntegerProperty daysProperty() {
        return days;
    }

    /** The accounts found, at most {@link InactiveAccounts#MAX_ROWS} of them; the result has every ID. */
    public ObservableList<UserSummary> getRows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyObjectProperty<InactiveAccounts.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
