package app.registrar.ui.bulk;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.UserQuery;
import app.registrar.bulk.BulkService;
import app.registrar.bulk.ExportProgress;
import app.registrar.bulk.ExportReport;
import app.registrar.bulk.JobControl;
import app.registrar.bulk.ProgressRelay;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorReport;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Exporting the current list (with its filters) to a CSV file the admin chose: every account, with progress and
 * cancel. The view passes the list's query and the chosen path to {@link #export}.
 */
public final class ExportViewModel {

    private final BulkService service;
    private final DialogService dialogs;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ExportReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private JobControl control;

    public ExportViewModel(BulkService service, DialogService dialogs) {
        this.service = service;
        this.dialogs = dialogs;
    }

    /** Starts exporting every account {@code filter} matches (its paging is ignored) to {@code target}. */
    public void export(UserQuery filter, Path target) {
        if (running.get()) {
            return;
        }
        JobControl job = new JobControl();
        control = job;
        running.set(true);
        error.set(null);
        report.set(null);
        progress.set(-1);
        status.set(tr("export.starting"));
        service.export(filter, target, job, new ProgressRelay<ExportProgress>(service.executor(), p -> {
                    if (running.get()) {
                        progress.set(p.fraction());
                        status.set(tr("export.progress", p.written(), p.total()));
                    }
                }))
                .onSuccess(done -> {
                    report.set(done);
                    progress.set(done.cancelled() ? 0 : 1);
                    status.set(done.cancelled() ? tr("export.cancelled")
                            : tr(done.listChangedMeanwhile() ? "export.done.changed" : "export.done", done.rows(),
                            done.file().getFileName().toString()));
                    if (!done.cancelled()) {
                        dialogs.notify(tr("export.done", done.rows(), done.file().getFileName().toString()));
                    }
                })
                .onFailure(e -> {
                    error.set(BulkErrors.describe(e));
                    status.set("");
                    progress.set(0);
                })
                .andFinally(() -> running.set(false))
                .start();
    }

    /** Stops the export; the partial file is deleted. */
    public void cancel() {
        if (control != null) {
            control.cancel();
            status.set(tr("export.cancelling"));
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Between 0 and 1; -1 while the total is not known yet (an indeterminate progress bar). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ExportReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
