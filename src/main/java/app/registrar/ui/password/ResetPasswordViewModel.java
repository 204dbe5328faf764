package app.registrar.ui.password;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.model.PasswordPolicy;
import app.registrar.service.AccountService;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.DialogViewModel;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.NewPasswordViewModel;
import app.registrar.ui.common.OutcomeCheck;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Reset password (the guides' "Changing" and "Recovering" an account): a new password checked against the
 * server's rules while typing, and the choice to sign the person out everywhere (on by default, as Synapse does).
 */
public final class ResetPasswordViewModel extends DialogViewModel {

    private final AccountService service;
    private final DialogService dialogs;
    private final String userId;
    private final boolean passwordsManagedHere;
    private final Runnable onDone;

    private final NewPasswordViewModel password;
    private final BooleanProperty logoutDevices = new SimpleBooleanProperty(true);
    private final BooleanBinding canSave;
    private final OutcomeCheck outcome = new OutcomeCheck();

    public ResetPasswordViewModel(AccountService service, DialogService dialogs, String userId, PasswordPolicy policy,
                                  boolean passwordsManagedHere, Runnable onDone) {
        this.service = service;
        this.dialogs = dialogs;
        this.userId = userId;
        this.passwordsManagedHere = passwordsManagedHere;
        this.onDone = onDone;
        this.password = new NewPasswordViewModel(dialogs, policy, false);
        canSave = busyProperty().not().and(password.acceptableProperty()).and(new SimpleBooleanProperty(passwordsManagedHere))
                .and(outcome.unconfirmedProperty().not());
        watchInput(password.passwordProperty(), logoutDevices);
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        send(password.get(), logoutDevices.get());
    }

    private void send(String newPassword, boolean signOut) {
        run(service.resetPassword(userId, newPassword, signOut)
                .onSuccess(ignored -> {
                    if (outcome.isUnconfirmed()) {
                        // The first reset's audit entry stays "could not be confirmed" no longer: the account has
                        // this password now, whichever of the two requests set it.
                        service.settleAuditBySendingAgain(userId, "reset-password").start();
                    }
                    outcome.settled();
                    dialogs.notify(tr("password.done", userId));
                    password.clear();
                    onDone.run();
                    requestClose();
                })
                .onFailure(e -> {
                    ErrorReport report = ErrorMessages.describe(e);
                    if (!OutcomeCheck.isLostAnswer(e)) {
                        outcome.settled();
                        showError(report);
                        return;
                    }
                    // A password cannot be read back, so its outcome stays unknown: Reset stays disabled and the
                    // field locked, and the one way on is sending exactly this password again, which leaves the
                    // same result whether or not the first one arrived. Never sent again by itself.
                    if (outcome.isUnconfirmed()) {
                        outcome.stillUnknown();
                    } else {
                        outcome.unknown(() -> send(newPassword, signOut));
                    }
                    showError(new ErrorReport(tr("password.unknown"), tr("password.unknown.next"), report.details()));
                }));
    }

    /**
     * Unknown while a reset's answer was lost; the dialog then offers "Send the same password again" (its
     * {@link OutcomeCheck#checkAgain()}) instead of Reset.
     */
    public OutcomeCheck getOutcome() {
        return outcome;
    }

    public String getUserId() {
        return userId;
    }

    public boolean isPasswordsManagedHere() {
        return passwordsManagedHere;
    }

    public NewPasswordViewModel getPassword() {
        return password;
    }

    public BooleanProperty logoutDevicesProperty() {
        return logoutDevices;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
