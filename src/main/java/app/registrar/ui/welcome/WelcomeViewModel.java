package app.registrar.ui.welcome;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.DialogService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The welcome message for a person whose account an admin made or whose password an admin reset: server
 * address, user ID, which app to install and the first steps from the account guides, including Secure Backup.
 * A password Registrar generated is in it only when the admin asks, and only in this dialog: {@link #forget()}
 * drops it when the dialog closes.
 */
public final class WelcomeViewModel {

    private final DialogService dialogs;
    private final String serverAddress;
    private final String userId;
    private final String displayName;
    private final String ssoProvider;
    private String temporaryPassword;
    private final BooleanProperty includePassword = new SimpleBooleanProperty(false);
    private final StringBinding text;

    /**
     * @param ssoProvider        the name of the single-sign-on service the person signs in with, or null
     * @param temporaryPassword  a password Registrar generated for them just now, or null
     */
    public WelcomeViewModel(DialogService dialogs, String serverAddress, String userId, String displayName,
                            String ssoProvider, String temporaryPassword) {
        this.dialogs = dialogs;
        this.serverAddress = serverAddress;
        this.userId = userId;
        this.displayName = displayName;
        this.ssoProvider = ssoProvider;
        this.temporaryPassword = temporaryPassword;
        text = Bindings.createStringBinding(this::compose, includePassword);
    }

    private String compose() {
        String greeting = displayName == null || displayName.isBlank() ? tr("welcome.text.hello") : tr("welcome.text.hello.name", displayName);
        String password;
        String signIn;
        if (ssoProvider != null) {
            password = tr("welcome.text.password.sso", ssoProvider);
            signIn = tr("welcome.text.signin.sso", ssoProvider);
        } else if (temporaryPassword != null && includePassword.get()) {
            password = tr("welcome.text.password.shown", temporaryPassword);
            signIn = tr("welcome.text.signin.temporary");
        } else {
            password = tr("welcome.text.password.separate");
            signIn = tr("welcome.text.signin.password");
        }
        return tr("welcome.text", greeting, serverAddress, userId, password, signIn);
    }

    /** Whether a generated password is there to include (it is left out until the admin asks). */
    public boolean hasTemporaryPassword() {
        return temporaryPassword != null && ssoProvider == null;
    }

    /** Puts the message on the clipboard: the admin pressed Copy, so a password they chose to show goes too. */
    public void copy() {
        dialogs.copyToClipboard(text.get());
        dialogs.notify(tr(includePassword.get() ? "welcome.copied.password" : "welcome.copied"));
    }

    /** Drops the temporary password: the dialog closed, and the message is never shown with it again. */
    public void forget() {
        includePassword.set(false);
        temporaryPassword = null;
    }

    public String getUserId() {
        return userId;
    }

    public BooleanProperty includePasswordProperty() {
        return includePassword;
    }

    public StringBinding textProperty() {
        return text;
    }
}
