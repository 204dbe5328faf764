package app.registrar.ui.reauth;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.service.ConnectionService;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.DialogViewModel;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Asks for the admin's password again when the server stopped accepting the session, and signs in on the same
 * connection, so every open dialog keeps what was typed and can simply be tried again.
 */
public final class ReauthViewModel extends DialogViewModel {

    private final ConnectionService connection;
    private final DialogService dialogs;
    private final String userId;
    private final Runnable onSignedIn;

    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanBinding canSignIn;

    public ReauthViewModel(ConnectionService connection, DialogService dialogs, String userId, Runnable onSignedIn) {
        this.connection = connection;
        this.dialogs = dialogs;
        this.userId = userId;
        this.onSignedIn = onSignedIn;
        canSignIn = busyProperty().not().and(password.isNotEmpty());
    }

    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        run(connection.reauthenticate(password.get())
                .onSuccess(session -> {
                    password.set("");
                    dialogs.notify(tr("reauth.done"));
                    onSignedIn.run();
                    requestClose();
                })
                .onFailure(this::fail));
    }

    public void clearSecrets() {
        password.set("");
    }

    public String getUserId() {
        return userId;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }
}
