package app.registrar.ui.connect;

import app.registrar.api.ErrorCategory;
import app.registrar.api.LoginSession;
import app.registrar.api.MatrixApiException;
import app.registrar.api.PresentedCertificate;
import app.registrar.api.ServerInfo;
import app.registrar.service.BackgroundTask;
import app.registrar.service.ConnectionService;
import app.registrar.service.RecentServers;
import app.registrar.service.TaskHandle;
import app.registrar.ui.common.CertificateQuestion;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import static app.registrar.ui.common.I18n.tr;

/**
 * The connect screen: where the homeserver is, and how the admin signs in (password or pasted access token).
 * Finds the server first (name or URL), explains in plain words what is wrong, and keeps everything typed.
 */
public final class ConnectViewModel {

    /** How the admin signs in. */
    public enum Method { PASSWORD, TOKEN, SSO, CLIENT }

    private final ConnectionService connection;
    private final DialogService dialogs;
    private final RecentServers recent;
    private final BiConsumer<LoginSession, ServerInfo> onConnected;

    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty clientId = new SimpleStringProperty("");
    private final StringProperty clientSecret = new SimpleStringProperty("");
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.PASSWORD);
    private final ObservableList<String> recentServers = FXCollections.observableArrayList();

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper serverProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper userProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper secretProblem = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSignIn;
    private final SignInWait wait;
    private final SignInMethods methods;
    private final ServerLookAhead lookAhead;

    private TaskHandle running = TaskHandle.NONE;
    private Consumer<ServerInfo> prepare = info -> { };
    /** Set when the admin trusted a certificate during an attempt: the attempt is made again once it ends. */
    private boolean retryAfterTrust;

    public ConnectViewModel(ConnectionService connection, DialogService dialogs, RecentServers recent,
                            BiConsumer<LoginSession, ServerInfo> onConnected) {
        this.connection = connection;
        this.dialogs = dialogs;
        this.recent = recent;
        this.onConnected = onConnected;
        recentServers.setAll(recent.servers());
        if (!recentServers.isEmpty()) {
            server.set(recentServers.get(0));
            user.set(recent.lastUser(recentServers.get(0)));
        }
        wait = new SignInWait(connection.executor(), error::set);
        methods = new SignInMethods(connection, dialogs, this, progress::set, notice::set, error::set);
        lookAhead = new ServerLookAhead(connection);
        lookAhead.whenFound(info -> prepare.accept(info));
        canSignIn = busy.not().and(wait.secondsProperty().isEqualTo(0));
        // Typing again clears the old complaint about that field, never what was typed.
        // The error about the last attempt goes too: it no longer describes what is on screen (a wait the server
        // asked for stays, since signing in stays disabled until it is over).
        clearsOnTyping(server, serverProblem);
        clearsOnTyping(user, userProblem);
        clearsOnTyping(password, secretProblem);
        clearsOnTyping(token, secretProblem);
        clearsOnTyping(clientId, userProblem);
        clearsOnTyping(clientSecret, secretProblem);
    }

    private void clearsOnTyping(StringProperty field, ReadOnlyStringWrapper problem) {
        field.addListener((obs, old, now) -> {
            problem.set("");
            clearStaleError();
        });
    }

    private void clearStaleError() {
        if (!wait.isWaiting() && !busy.get()) {
            error.set(null);
        }
    }

    /**
     * Work to do on the JavaFX thread for the server about to be signed in to (the app builds the main window, so
     * that it is ready when the session arrives): once the server in the field was found ahead ({@link #lookAhead}),
     * else while the password or token is checked. It may come to nothing if the sign-in fails or another server
     * is chosen, and may be asked again for the same server.
     */
    public void prepareFor(Consumer<ServerInfo> prepare) {
        this.prepare = Objects.requireNonNull(prepare);
    }

    /**
     * Finds the server in the field in the background while the admin types the password, so that Sign in can go
     * straight to the password check (the screen calls this when it opens with a remembered server).
     */
    public void lookAhead() {
        lookAhead.look(server.get());
    }

    /** Picks a server used before, with the user name used there. */
    public void chooseRecent(String address) {
        if (address == null) {
            return;
        }
        server.set(address);
        String last = recent.lastUser(address);
        if (!last.isEmpty()) {
            user.set(last);
        }
        lookAhead();
    }

    /** Finds the server, signs in and hands the session on. Refuses with field messages when something is missing. */
    public void signIn() {
        if (busy.get() || wait.isWaiting() || !methods.validate(serverProblem, userProblem, secretProblem)) {
            return;
        }
        error.set(null);
        notice.set("");
        busy.set(true);
        String address = server.get().strip();
        progress.set(tr("connect.checking", address));
        running = lookAhead.useFor(address).map(connection::found).orElseGet(() -> connection.discover(address))
                .then(info -> completed(address, info, methods.signIn(info)))
                .onFailure(this::fail)
                .andFinally(this::finish)
                .start();
    }

    /** The password or token request has gone out: the app may prepare what follows meanwhile. */
    void signingIn(ServerInfo info) {
        prepare.accept(info);
    }

    /** Hands a session on once signed in, forgetting the secrets typed for it. */
    private BackgroundTask<LoginSession> completed(String address, ServerInfo info, BackgroundTask<LoginSession> login) {
        return login.onSuccess(session -> {
            recent.remember(address, method.get() == Method.PASSWORD ? user.get() : null);
            password.set("");
            token.set("");
            clientSecret.set("");
            onConnected.accept(session, info);
        });
    }

    /** Stops the running attempt; nothing typed is lost. */
    public void cancel() {
        running.cancel();
        finish();
    }

    private void fail(MatrixApiException e) {
        if (e.category() == ErrorCategory.CANCELLED) {
            return;
        }
        // What was found ahead may be what is wrong now; the next attempt finds the server again.
        lookAhead.forget();
        if (askToTrust(e)) {
            retryAfterTrust = true;
            return;
        }
        ErrorReport report = ErrorMessages.describe(e);
        error.set(report);
        if (e.category() == ErrorCategory.RATE_LIMITED) {
            wait.start(e, report);
        }
        switch (e.category()) {
            case NOT_A_MATRIX_SERVER, INSECURE_ADDRESS, NETWORK, ADMIN_API_UNREACHABLE, CERTIFICATE_UNTRUSTED,
                    CERTIFICATE_CHANGED, CERTIFICATE_EXPIRED, CERTIFICATE_WRONG_HOST -> serverProblem.set(report.message());
            case WRONG_CREDENTIALS, TOKEN_INVALID, MAS_CLIENT_NOT_ADMIN -> secretProblem.set(report.message());
            default -> {
                // shown in the error area only
            }
        }
    }

    /**
     * Offers to trust a certificate no system store vouches for (self-signed, private CA), or one that replaced a
     * certificate trusted before. Expired and wrong-host certificates are never offered. True when the admin
     * trusted it: it is then pinned for that server.
     */
    private boolean askToTrust(MatrixApiException e) {
        boolean changed = e.category() == ErrorCategory.CERTIFICATE_CHANGED;
        if ((e.category() != ErrorCategory.CERTIFICATE_UNTRUSTED && !changed) || e.certificate().isEmpty()) {
            return false;
        }
        PresentedCertificate certificate = e.certificate().get();
        CertificateQuestion question = CertificateQuestion.about(certificate, changed);
        if (!dialogs.trustCertificate(question)) {
            return false;
        }
        connection.trustCertificate(certificate);
        return true;
    }

    /** Seconds left before the server accepts another sign-in attempt; 0 when Sign in may be pressed. */
    public ReadOnlyIntegerProperty waitSecondsProperty() {
        return wait.secondsProperty();
    }

    private void finish() {
        busy.set(false);
        progress.set("");
        running = TaskHandle.NONE;
        if (retryAfterTrust) {
            retryAfterTrust = false;
            signIn();
        }
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    /** The ID of a client the server admin configured in MAS (client-credentials sign-in). */
    public StringProperty clientIdProperty() {
        return clientId;
    }

    public StringProperty clientSecretProperty() {
        return clientSecret;
    }

    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    public ObservableList<String> getRecentServers() {
        return recentServers;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ErrorReport getError() {
        return error.get();
    }

    public ReadOnlyStringProperty serverProblemProperty() {
        return serverProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userProblemProperty() {
        return userProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secretProblemProperty() {
        return secretProblem.getReadOnlyProperty();
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }
}
