package app.registrar.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * What the view models of the long jobs (import, bulk action, export, the inactive-accounts search, the removal
 * preview of a selection, the Insights scan) share and their dialogs bind to: the job's {@link JobState} (running,
 * paused, progress, status), the report {@code R} at its end, and the error that stopped it.
 */
public abstract class JobViewModel<R> {

    protected final JobState job = new JobState();
    protected final ReadOnlyObjectWrapper<R> report = new ReadOnlyObjectWrapper<>();
    protected final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();

    public final ReadOnlyBooleanProperty runningProperty() {
        return job.running.getReadOnlyProperty();
    }

    public final ReadOnlyBooleanProperty pausedProperty() {
        return job.paused.getReadOnlyProperty();
    }

    /** Between 0 and 1; -1 while the total is not known yet (an indeterminate progress bar). */
    public final ReadOnlyDoubleProperty progressProperty() {
        return job.progress.getReadOnlyProperty();
    }

    public final ReadOnlyStringProperty statusProperty() {
        return job.status.getReadOnlyProperty();
    }

    public final ReadOnlyObjectProperty<R> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public final ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
