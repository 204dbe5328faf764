package app.registrar.ui.common;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * A write whose answer was lost and whose read-back failed too: its outcome is unknown. While it is, the dialog says
 * "could not be confirmed", offers "Check again" ({@link #checkAgain()}, which runs the read-back once more) and
 * keeps its action disabled ({@link #unconfirmedProperty()}), so nothing is sent a second time on a guess. Only a
 * read-back that succeeds ends it ({@link #settled()}).
 */
public final class OutcomeCheck {

    private final ReadOnlyBooleanWrapper unconfirmed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private Runnable readBack;

    /** True when the answer of a change was lost: the change may or may not have been made. */
    public static boolean isLostAnswer(MatrixApiException error) {
        return error.category() == ErrorCategory.NETWORK || error.category() == ErrorCategory.TIMEOUT;
    }

    /** What the dialog says while the outcome is unknown; the read-back's failure goes to the details. */
    public static ErrorReport report(MatrixApiException readBackFailure) {
        return new ErrorReport(tr("outcome.unconfirmed"), tr("outcome.unconfirmed.next"),
                ErrorMessages.describe(readBackFailure).message() + "\n" + ErrorMessages.details(readBackFailure));
    }

    /** Marks the outcome unknown; {@code readBack} runs on "Check again" and must end in {@link #settled()} or {@link #stillUnknown()}. */
    public void unknown(Runnable readBack) {
        this.readBack = readBack;
        checking.set(false);
        unconfirmed.set(true);
    }

    /** Runs the read-back again; does nothing while one is running or when nothing is unknown. */
    public void checkAgain() {
        if (!unconfirmed.get() || checking.get() || readBack == null) {
            return;
        }
        checking.set(true);
        readBack.run();
    }

    /**
     * A read-back failed: the outcome is unknown (again), and "Check again" runs {@code readBack}. Returns what the
     * dialog says meanwhile.
     */
    public ErrorReport readBackFailed(MatrixApiException failure, Runnable readBack) {
        if (unconfirmed.get()) {
            stillUnknown();
        } else {
            unknown(readBack);
        }
        return report(failure);
    }

    /** A read-back succeeded: the true state is known again. */
    public void settled() {
        checking.set(false);
        unconfirmed.set(false);
        readBack = null;
    }

    /** A read-back failed again: the outcome stays unknown. */
    public void stillUnknown() {
        checking.set(false);
    }

    public boolean isUnconfirmed() {
        return unconfirmed.get();
    }

    public ReadOnlyBooleanProperty unconfirmedProperty() {
        return unconfirmed.getReadOnlyProperty();
    }

    /** True while "Check again" waits for the homeserver. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }
}
