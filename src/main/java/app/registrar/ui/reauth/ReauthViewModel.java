package app.registrar.ui.reauth;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.service.ConnectionService;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Asks for the admin's password again when the server stopped accepting the session, and signs in on the same
 * connection, so every open dialog keeps what was typed and can simply be tried again.
 */
public final class ReauthViewModel {

    private final ConnectionService connection;
    private final DialogService dialogs;
    private final String userId;
    private final Runnable onSignedIn;

    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper closeRequested = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canSignIn;

    public ReauthViewModel(ConnectionService connection, DialogService dialogs, String userId, Runnable onSignedIn) {
        this.connection = connection;
        this.dialogs = dialogs;
        this.userId = userId;
        this.onSignedIn = onSignedIn;
        canSignIn = busy.not().and(password.isNotEmpty());
    }

    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        error.set(null);
        busy.set(true);
        connection.reauthenticate(password.get())
                .onSuccess(session -> {
                    password.set("");
                    dialogs.notify(tr("reauth.done"));
                    onSignedIn.run();
                    closeRequested.set(true);
                })
                .onFailure(e -> error.set(ErrorMessages.describe(e)))
                .andFinally(() -> busy.set(false))
                .start();
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
