package app.registrar.ui.password;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ErrorCategory;
import app.registrar.model.PasswordPolicy;
import app.registrar.service.AccountService;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.DialogViewModel;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.NewPasswordViewModel;
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

    public ResetPasswordViewModel(AccountService service, DialogService dialogs, String userId, PasswordPolicy policy,
                                  boolean passwordsManagedHere, Runnable onDone) {
        this.service = service;
        this.dialogs = dialogs;
        this.userId = userId;
        this.passwordsManagedHere = passwordsManagedHere;
        this.onDone = onDone;
        this.password = new NewPasswordViewModel(dialogs, policy, false);
        canSave = busyProperty().not().and(password.acceptableProperty()).and(new SimpleBooleanProperty(passwordsManagedHere));
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        run(service.resetPassword(userId, password.get(), logoutDevices.get())
                .onSuccess(ignored -> {
                    dialogs.notify(tr("password.done", userId));
                    password.clear();
                    onDone.run();
                    requestClose();
                })
                .onFailure(e -> {
                    ErrorReport report = ErrorMessages.describe(e);
                    // A lost answer leaves the outcome unknown; the password is never sent again by itself.
                    if (e.category() == ErrorCategory.NETWORK || e.category() == ErrorCategory.TIMEOUT) {
                        report = new ErrorReport(tr("password.unknown"), tr("password.unknown.next"), report.details());
                    }
                    showError(report);
                }));
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
