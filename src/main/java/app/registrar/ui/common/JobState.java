package app.registrar.ui.common;

import app.registrar.bulk.JobControl;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What every long job (import, bulk action, export, a scan) shows and how it is steered: running, paused, progress,
 * a status line, and the {@link JobControl} that pauses, resumes and cancels it between rows. Written by the
 * {@link JobViewModel} that owns it, on the JavaFX thread; its dialog sees only the read-only properties.
 */
public final class JobState {

    public final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    public final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    public final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    public final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private JobControl control;

    /** Marks a new job as running and returns its control. */
    public JobControl begin(String statusText) {
        control = new JobControl();
        running.set(true);
        paused.set(false);
        progress.set(0);
        status.set(statusText);
        return control;
    }

    public void end() {
        running.set(false);
        paused.set(false);
    }

    public void pause(String statusText) {
        if (running.get() && control != null) {
            control.pause();
            paused.set(true);
            status.set(statusText);
        }
    }

    public void resume() {
        if (control != null) {
            control.resume();
            paused.set(false);
        }
    }

    /**
     * Whether {@code candidate} steers the job begun last: a progress report of a job that was replaced must not
     * cover the newer job's status.
     */
    public boolean isCurrent(JobControl candidate) {
        return control == candidate;
    }

    /** True when there was a job to cancel. */
    public boolean cancel() {
        if (control == null) {
            return false;
        }
        control.cancel();
        return true;
    }
}
