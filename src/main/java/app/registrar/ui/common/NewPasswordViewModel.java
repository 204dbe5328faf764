package app.registrar.ui.common;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.model.PasswordGenerator;
import app.registrar.model.PasswordPolicy;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A new password as every dialog that sets one asks for it: checked against the server's rules while typing,
 * a generator whose result is shown once, and a copy that only ever happens on the admin's click.
 */
public final class NewPasswordViewModel {

    private final DialogService dialogs;
    private final PasswordPolicy policy;
    private final PasswordGenerator generator = new PasswordGenerator();
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper generated = new ReadOnlyStringWrapper("");
    private final StringBinding problem;
    private final BooleanBinding acceptable;

    /** {@code optional}: an empty password is fine (it means "keep the current one"). */
    public NewPasswordViewModel(DialogService dialogs, PasswordPolicy policy, boolean optional) {
        this.dialogs = dialogs;
        this.policy = policy;
        problem = Bindings.createStringBinding(() -> optional && password.get().isEmpty()
                ? "" : PasswordRules.explain(policy, password.get()), password);
        acceptable = Bindings.createBooleanBinding(() -> problem.get().isEmpty(), problem);
        password.addListener((obs, old, now) -> {
            if (!Objects.equals(now, generated.get())) {
                generated.set("");
            }
        });
    }

    /** Fills in a strong password that meets the server's rules and shows it once. */
    public void generate() {
        String value = generator.generate(Math.max(20, policy.minimumLength()));
        generated.set(value);
        password.set(value);
    }

    /** Copies the generated password; only ever called from the admin's click on Copy. */
    public void copyGenerated() {
        if (!generated.get().isEmpty()) {
            dialogs.copyToClipboard(generated.get());
            dialogs.notify(tr("dialog.copied"));
        }
    }

    /** Forgets what was typed or generated; called when the dialog closes or the password was sent. */
    public void clear() {
        password.set("");
        generated.set("");
    }

    public String get() {
        return password.get();
    }

    public boolean isEmpty() {
        return password.get().isEmpty();
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

    /** True when the password meets the rules (or is empty where that is allowed). */
    public BooleanBinding acceptableProperty() {
        return acceptable;
    }
}
