package app.registrar.ui.reactivate;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.model.PasswordGenerator;
import app.registrar.model.PasswordPolicy;
import app.registrar.service.AccountService;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.PasswordRules;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Reactivation: a new password where the server keeps passwords, none where people sign in through SSO, and the
 * plain truth that rooms and emails do not come back.
 */
public final class ReactivateViewModel {

    private final AccountService service;
    private final DialogService dialogs;
    private final String userId;
    private final PasswordPolicy policy;
    private final boolean needsPassword;
    private final Runnable onDone;

    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper generated = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper closeRequested = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private final StringBinding problem;
    private final BooleanBinding canReactivate;

    public ReactivateViewModel(AccountService service, DialogService dialogs, String userId, PasswordPolicy policy,
                               boolean needsPassword, Runnable onDone) {
        this.service = service;
        this.dialogs = dialogs;
        this.userId = userId;
        this.policy = policy;
        this.needsPassword = needsPassword;
        this.onDone = onDone;
        problem = Bindings.createStringBinding(() -> needsPassword ? PasswordRules.explain(policy, password.get()) : "", password);
        canReactivate = busy.not().and(Bindings.createBooleanBinding(() -> problem.get().isEmpty(), problem));
    }

    public void generate() {
        String value = new PasswordGenerator().generate(Math.max(20, policy.minimumLength()));
        generated.set(value);
        password.set(value);
    }

    public void copyGenerated() {
        if (!generated.get().isEmpty()) {
            dialogs.copyToClipboard(generated.get());
            dialogs.notify(tr("dialog.copied"));
        }
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
                    clearSecrets();
                    onDone.run();
                    closeRequested.set(true);
                })
                .onFailure(e -> error.set(ErrorMessages.describe(e)))
                .andFinally(() -> busy.set(false))
                .start();
    }

    public void clearSecrets() {
        password.set("");
        generated.set("");
    }

    public String getUserId() {
        return userId;
    }

    public boolean isNeedsPassword() {
        return needsPassword;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty generatedProperty() {
        return generated.getReadOnlyProperty();
    }

    public StringBinding problemProperty() {
        return problem;
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
