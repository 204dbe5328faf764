package app.registrar.ui.bulk;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.UserQuery;
import app.registrar.bulk.BulkService;
import app.registrar.bulk.ExportProgress;
import app.registrar.bulk.ExportReport;
import app.registrar.bulk.JobControl;
import app.registrar.bulk.ProgressRelay;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.JobViewModel;
import java.nio.file.Path;

/**
 * Exporting the current list (with its filters) to a CSV file the admin chose: every account, with progress and
 * cancel; the job's state and report come from {@link JobViewModel}. The view passes the list's query and the chosen path to {@link #export}.
 */
public final class ExportViewModel extends JobViewModel<ExportReport> {

    private final BulkService service;
    private final DialogService dialogs;

    public ExportViewModel(BulkService service, DialogService dialogs) {
        this.service = service;
        this.dialogs = dialogs;
    }

    /** Starts exporting every account {@code filter} matches (its paging is ignored) to {@code target}. */
    public void export(UserQuery filter, Path target) {
        if (job.running.get()) {
            return;
        }
        JobControl control = job.begin(tr("export.starting"));
        error.set(null);
        report.set(null);
        job.progress.set(-1); // the total is not known until the first page answers
        service.export(filter, target, control, new ProgressRelay<ExportProgress>(service.executor(), p -> {
                    if (job.running.get()) {
                        job.progress.set(p.fraction());
                        job.status.set(status(p));
                    }
                }))
                .onSuccess(done -> {
                    report.set(done);
                    job.progress.set(done.cancelled() ? 0 : 1);
                    job.status.set(done.cancelled() ? tr("export.cancelled")
                            : tr(done.listChangedMeanwhile() ? "export.done.changed" : "export.done", done.rows(),
                            done.file().getFileName().toString()));
                    if (!done.cancelled()) {
                        dialogs.notify(tr("export.done", done.rows(), done.file().getFileName().toString()));
                    }
                })
                .onFailure(e -> {
                    error.set(BulkErrors.describe(e));
                    job.status.set("");
                    job.progress.set(0);
                })
                .andFinally(job::end)
                .start();
    }

    /** While the server prepares its reply (before a million rows, most of a minute), the time so far. */
    private static String status(ExportProgress p) {
        if (!p.isWaiting()) {
            return tr("export.progress", p.written(), p.total());
        }
        long seconds = p.waiting().toSeconds();
        return p.total() < 0 ? tr("export.waiting.first", seconds) : tr("export.waiting", p.written(), p.total(), seconds);
    }

    /** Stops the export; the partial file is deleted. */
    public void cancel() {
        if (job.cancel()) {
            job.status.set(tr("export.cancelling"));
        }
    }
}
