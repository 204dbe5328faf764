package app.registrar.ui.reactivate;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.model.PasswordPolicy;
import app.registrar.service.AccountService;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.NewPasswordViewModel;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Reactivation: a new password where the server keeps passwords, none where people sign in through SSO, and the
 * plain truth that rooms and emails do not come back.
 */
public final class ReactivateViewModel {

    private final AccountService service;
    private final DialogService dialogs;
    private final String userId;
    private final boolean needsPassword;
    private final Runnable onDone;

    private final NewPasswordViewModel password;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper closeRequested = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canReactivate;

    public ReactivateViewModel(AccountService service, DialogService dialogs, String userId, PasswordPolicy policy,
                               boolean needsPassword, Runnable onDone) {
        this.service = service;
        this.dialogs = dialogs;
        this.userId = userId;
        this.needsPassword = needsPassword;
        this.onDone = onDone;
        this.password = new NewPasswordViewModel(dialogs, policy, !needsPassword);
        canReactivate = busy.not().and(password.acceptableProperty().or(new SimpleBooleanProperty(!needsPassword)));
    }

    public void reactivate() {
        if (!canReactivate.get()) {
            return;
        }
        error.set(null);
        busy.set(true);
        service.reactivate(userId, needsPassword ? password.get() : null)
                .onSuccess(user -> {
                    dialogs.notify(tr("reactivate.done", userId));
                    password.clear();
                    onDone.run();
                    closeRequested.set(true);
                })
                .onFailure(e -> error.set(ErrorMessages.describe(e)))
                .andFinally(() -> busy.set(false))
                .start();
    }

    public String getUserId() {
        return userId;
    }

    public boolean isNeedsPassword() {
        return needsPassword;
    }

    public NewPasswordViewModel getPassword() {
        return password;
    }

    public BooleanBinding canReactivateProperty() {
        return canReactivate;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty closeRequestedProperty() {
        return closeRequested.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
