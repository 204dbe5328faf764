package app.registrar.ui.bulk;

import app.registrar.bulk.JobControl;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What every long bulk job (import, bulk action) shows and how it is steered: running, paused, progress, a status
 * line, and the {@link JobControl} that pauses, resumes and cancels it between rows.
 */
final class JobState {

    final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private JobControl control;

    /** Marks a new job as running and returns its control. */
    JobControl begin(String statusText) {
        control = new JobControl();
        running.set(true);
        paused.set(false);
        progress.set(0);
        status.set(statusText);
        return control;
    }

    void end() {
        running.set(false);
        paused.set(false);
    }

    void pause(String statusText) {
        if (running.get() && control != null) {
            control.pause();
            paused.set(true);
            status.set(statusText);
        }
    }

    void resume() {
        if (control != null) {
            control.resume();
            paused.set(false);
        }
    }

    /** True when there was a job to cancel. */
    boolean cancel() {
        if (control == null) {
            return false;
        }
        control.cancel();
        return true;
    }
}
