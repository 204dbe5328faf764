package app.registrar.ui.common;

import app.registrar.api.MatrixApiException;
import app.registrar.service.BackgroundTask;
import app.registrar.service.TaskHandle;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * The command state every dialog's view model shares: busy while its command runs (held across chained steps
 * until the last one ends, so the button cannot send twice), the wish to close the dialog once the command
 * succeeded, and the last error in the admin's words. The dialog binds to these three; {@code ModalDialog} keeps
 * the window open while busy.
 */
public abstract class DialogViewModel {

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper closeRequested = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    // Once the command succeeded the dialog closes by itself and nothing typed is lost.
    private final TypedInput typedInput = new TypedInput().doneWhen(closeRequested);

    /**
     * Starts {@code task} as this dialog's command: the last error goes, and the dialog is busy until the task,
     * with every step chained to it through {@link BackgroundTask#then}, has ended.
     */
    protected final TaskHandle run(BackgroundTask<?> task) {
        begin();
        return task.andFinally(this::end).start();
    }

    /** Marks the command as running, for a command whose steps are started by hand; {@link #end()} ends it. */
    protected final void begin() {
        error.set(null);
        busy.set(true);
    }

    /** Marks a follow-up step (a read-back after a lost answer) as running, keeping the error shown meanwhile. */
    protected final void keepBusy() {
        busy.set(true);
    }

    protected final void end() {
        busy.set(false);
    }

    /** Shows {@code e} in the admin's words. */
    protected final void fail(MatrixApiException e) {
        error.set(ErrorMessages.describe(e));
    }

    protected final void showError(ErrorReport report) {
        error.set(report);
    }

    /** Asks the dialog to close: the command did what it was for. */
    protected final void requestClose() {
        closeRequested.set(true);
    }

    /** Watches fields the admin fills in: closing the dialog asks before it discards a change to any of them. */
    protected final void watchInput(ObservableValue<?>... fields) {
        for (ObservableValue<?> field : fields) {
            typedInput.watch(field);
        }
    }

    /** Watches a list the admin edits (emails, SSO identities) the same way. */
    protected final void watchInput(ObservableList<?> list) {
        typedInput.watch(list);
    }

    /** What the admin typed or chose that closing the dialog would throw away. */
    public final TypedInput getTypedInput() {
        return typedInput;
    }

    public final ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public final boolean isBusy() {
        return busy.get();
    }

    public final ReadOnlyBooleanProperty closeRequestedProperty() {
        return closeRequested.getReadOnlyProperty();
    }

    public final ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public final ErrorReport getError() {
        return error.get();
    }
}
