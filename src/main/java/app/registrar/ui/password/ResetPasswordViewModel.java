package app.registrar.ui.password;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.model.PasswordGenerator;
import app.registrar.model.PasswordPolicy;
import app.registrar.service.AccountService;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.PasswordRules;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Reset password (the guides' "Changing" and "Recovering" an account): a new password checked against the
 * server's rules while typing, and the choice to sign the person out everywhere (on by default, as Synapse does).
 */
public final class ResetPasswordViewModel {

    private final AccountService service;
    private final DialogService dialogs;
    private final String userId;
    private final PasswordPolicy policy;
    private final boolean passwordsManagedHere;
    private final Runnable onDone;
    private final PasswordGenerator generator = new PasswordGenerator();

    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty logoutDevices = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper generated = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper closeRequested = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private final StringBinding problem;
    private final BooleanBinding canSave;

    public ResetPasswordViewModel(AccountService service, DialogService dialogs, String userId, PasswordPolicy policy,
                                  boolean passwordsManagedHere, Runnable onDone) {
        this.service = service;
        this.dialogs = dialogs;
        this.userId = userId;
        this.policy = policy;
        this.passwordsManagedHere = passwordsManagedHere;
        this.onDone = onDone;
        problem = Bindings.createStringBinding(() -> PasswordRules.explain(policy, password.get()), password);
        canSave = busy.not().and(Bindings.createBooleanBinding(() -> passwordsManagedHere && problem.get().isEmpty(), problem));
        password.addListener((obs, old, now) -> {
            if (!Objects.equals(now, generated.get())) {
                generated.set("");
            }
        });
    }

    public void generate() {
        String value = generator.generate(Math.max(20, policy.minimumLength()));
        generated.set(value);
        password.set(value);
    }

    public void copyGenerated() {
        if (!generated.get().isEmpty()) {
            dialogs.copyToClipboard(generated.get());
            dialogs.notify(tr("dialog.copied"));
        }
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        error.set(null);
        busy.set(true);
        service.resetPassword(userId, password.get(), logoutDevices.get())
                .onSuccess(ignored -> {
                    dialogs.notify(tr("password.done", userId));
                    clearSecrets();
                    onDone.run();
                    closeRequested.set(true);
                })
                .onFailure(e -> {
                    ErrorReport report = ErrorMessages.describe(e);
                    // A lost answer leaves the outcome unknown; the password is never sent again by itself.
                    if (e.category() == app.registrar.api.ErrorCategory.NETWORK
                            || e.category() == app.registrar.api.ErrorCategory.TIMEOUT) {
                        report = new ErrorReport(tr("password.unknown"), tr("password.unknown.next"), report.details());
                    }
                    error.set(report);
                })
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

    public boolean isPasswordsManagedHere() {
        return passwordsManagedHere;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty logoutDevicesProperty() {
        return logoutDevices;
    }

    public ReadOnlyStringProperty generatedProperty() {
        return generated.getReadOnlyProperty();
    }

    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
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
