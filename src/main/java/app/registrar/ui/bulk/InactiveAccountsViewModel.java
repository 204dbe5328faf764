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
import app.registrar.ui.common.JobViewModel;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "not seen for N days" view: finds the active accounts of the current filter that nobody used for
 * {@link #daysProperty() N} days, shows them for review, and hands them to a {@link BulkActionViewModel} to
 * deactivate in bulk. The search's state and its result (the report) come from {@link JobViewModel}.
 */
public final class InactiveAccountsViewModel extends JobViewModel<InactiveAccounts.Result> {

    public static final int DEFAULT_DAYS = 180;

    private final BulkService service;
    private final DialogService dialogs;
    private final IntegerProperty days = new SimpleIntegerProperty(DEFAULT_DAYS);
    private final ObservableList<UserSummary> rows = FXCollections.observableArrayList();

    public InactiveAccountsViewModel(BulkService service, DialogService dialogs) {
        this.service = service;
        this.dialogs = dialogs;
    }

    /** Looks through the active accounts {@code filter} matches (deactivated ones are never "inactive"). */
    public void find(UserQuery filter) {
        if (job.running.get() || days.get() < 1) {
            return;
        }
        JobControl control = job.begin(tr("inactive.searching", days.get()));
        error.set(null);
        job.progress.set(-1);
        int chosenDays = days.get();
        service.findInactive(filter.withState(UserQuery.AccountState.ACTIVE), chosenDays, control,
                        new ProgressRelay<ExportProgress>(service.executor(), p -> {
                            if (job.running.get()) {
                                job.progress.set(p.fraction());
                                job.status.set(tr("inactive.progress", p.written(), p.total()));
                            }
                        }))
                .onSuccess(found -> {
                    report.set(found);
                    rows.setAll(found.rows());
                    job.progress.set(1);
                    job.status.set(tr(found.cancelled() ? "inactive.cancelled" : "inactive.found",
                            found.userIds().size(), found.scanned(), chosenDays));
                })
                .onFailure(e -> {
                    error.set(BulkErrors.describe(e));
                    job.status.set("");
                })
                .andFinally(job::end)
                .start();
    }

    public void cancel() {
        job.cancel();
    }

    /** A bulk action on every account found (not only the rows shown), to deactivate them after review. */
    public BulkActionViewModel bulkAction() {
        InactiveAccounts.Result found = report.get();
        BulkActionViewModel bulk = new BulkActionViewModel(service, dialogs, found == null ? List.of() : found.userIds());
        bulk.actionProperty().set(BulkAction.DEACTIVATE);
        return bulk;
    }

    public IntegerProperty daysProperty() {
        return days;
    }

    /** The accounts found, at most {@link InactiveAccounts#MAX_ROWS} of them; the report has every ID. */
    public ObservableList<UserSummary> getRows() {
        return FXCollections.unmodifiableObservableList(rows);
    }
}
