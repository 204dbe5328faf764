package app.registrar.ui.reauth;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.LoginSession;
import app.registrar.api.ServerInfo;
import app.registrar.service.BackgroundTask;
import app.registrar.service.ConnectionService;
import app.registrar.service.ConnectionService.SignInMethod;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.DialogViewModel;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Signs the admin in again when the server stopped accepting the session, the way the session began (password,
 * access token, single sign-on in the browser, MAS's browser sign-in, or MAS client secret), on the same connection,
 * so every open dialog keeps what was typed and can simply be tried again.
 */
public final class ReauthViewModel extends DialogViewModel {

    private final ConnectionService connection;
    private final DialogService dialogs;
    private final String userId;
    private final Runnable onSignedIn;
    private final SignInMethod method;

    /** The password, access token or client secret typed; unused for the browser sign-ins. */
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSignIn;

    public ReauthViewModel(ConnectionService connection, DialogService dialogs, String userId, Runnable onSignedIn) {
        this.connection = connection;
        this.dialogs = dialogs;
        this.userId = userId;
        this.onSignedIn = onSignedIn;
        this.method = connection.signInMethod();
        canSignIn = busyProperty().not().and(password.isNotEmpty().or(new SimpleBooleanProperty(usesBrowser())));
    }

    /** How the session began, and so how the admin signs in again. */
    public SignInMethod getMethod() {
        return method;
    }

    /** True when signing in again happens in the browser (single sign-on, MAS) rather than in a field. */
    public boolean usesBrowser() {
        return method == SignInMethod.SINGLE_SIGN_ON || method == SignInMethod.MAS_BROWSER;
    }

    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        progress.set("");
        run(signingIn()
                .onSuccess(session -> {
                    password.set("");
                    progress.set("");
                    dialogs.notify(tr("reauth.done"));
                    onSignedIn.run();
                    requestClose();
                })
                .onFailure(e -> {
                    progress.set("");
                    fail(e);
                }));
    }

    private BackgroundTask<LoginSession> signingIn() {
        String typed = password.get();
        ServerInfo server = connection.serverInfo().orElseThrow();
        return switch (method) {
            case PASSWORD -> connection.reauthenticate(typed);
            case ACCESS_TOKEN -> connection.reauthenticateWithToken(typed);
            case SINGLE_SIGN_ON -> connection.listenForSso().then(loopback -> {
                dialogs.openInBrowser(ConnectionService.ssoRedirectUrl(server, loopback));
                progress.set(tr("connect.sso.waiting"));
                return connection.reauthenticateWithSso(loopback);
            });
            case MAS_BROWSER -> connection.startMasSignIn(server).then(signIn -> {
                dialogs.openInBrowser(signIn.browserUrl());
                progress.set(tr("connect.mas.waiting"));
                return connection.reauthenticateThroughMas(signIn);
            });
            case MAS_CLIENT -> connection.signInWithClientCredentials(server,
                    userId.startsWith("client ") ? userId.substring("client ".length()) : userId, typed);
        };
    }

    /** The intro sentence for this way of signing in. */
    public String getIntro() {
        return tr(switch (method) {
            case PASSWORD -> "reauth.intro";
            case ACCESS_TOKEN -> "reauth.intro.token";
            case SINGLE_SIGN_ON, MAS_BROWSER -> "reauth.intro.browser";
            case MAS_CLIENT -> "reauth.intro.client";
        }, userId);
    }

    /** The label key of the field to type into; null for the browser sign-ins. */
    public String getFieldLabelKey() {
        return switch (method) {
            case PASSWORD -> "connect.password";
            case ACCESS_TOKEN -> "connect.token";
            case MAS_CLIENT -> "connect.client.secret";
            case SINGLE_SIGN_ON, MAS_BROWSER -> null;
        };
    }

    public void clearSecrets() {
        password.set("");
    }

    public String getUserId() {
        return userId;
    }

    /** The password, access token or client secret, as typed. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** What happens while the browser sign-in is under way ("Waiting for the browser…"). */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }
}
