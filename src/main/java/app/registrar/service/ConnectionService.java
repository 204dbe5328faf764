package app.registrar.service;

import app.registrar.api.AccessToken;
import app.registrar.api.ErrorCategory;
import app.registrar.api.Homeserver;
import app.registrar.api.LoginSession;
import app.registrar.api.MatrixApiException;
import app.registrar.api.ServerAddress;
import app.registrar.api.ServerApi;
import app.registrar.api.ServerInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * Finding a homeserver and signing in as its admin, off the JavaFX thread. Holds the current session, which
 * {@link AccountService} uses for every account call.
 */
public final class ConnectionService {

    private final Tasks tasks;
    private volatile Homeserver homeserver;
    private volatile ServerInfo serverInfo;
    private volatile LoginSession session;

    public ConnectionService(TaskExecutor executor) {
        this.tasks = new Tasks(executor);
    }

    /** Resolves what the admin typed (server name or URL) and reads what the server offers. */
    public BackgroundTask<ServerInfo> discover(String address) {
        return tasks.of(() -> ServerApi.describe(ServerApi.resolve(ServerAddress.parse(address))));
    }

    /** Signs in with a password and checks that the account is a server admin. */
    public BackgroundTask<LoginSession> signIn(ServerInfo server, String user, String password) {
        return tasks.of(() -> {
            Homeserver candidate = new Homeserver(server.baseUrl());
            LoginSession login = candidate.auth().loginWithPassword(user, password);
            requireAdmin(candidate, login, true);
            adopt(candidate, server, login);
            return login;
        });
    }

    /** Uses an access token the admin pasted, after checking whose it is and that it belongs to an admin. */
    public BackgroundTask<LoginSession> useToken(ServerInfo server, String token) {
        return tasks.of(() -> {
            Homeserver candidate = new Homeserver(server.baseUrl());
            LoginSession login = candidate.auth().useAccessToken(new AccessToken(token));
            // A pasted token may be the admin's own Element session: never log it out behind their back.
            requireAdmin(candidate, login, false);
            adopt(candidate, server, login);
            return login;
        });
    }

    /** How long the admin has to finish signing in in the browser. */
    static final java.time.Duration SSO_WAIT = java.time.Duration.ofMinutes(5);

    /**
     * The address to open in the browser for single sign-on; the server sends the browser back to
     * {@code loopback} with a login token.
     */
    public static String ssoRedirectUrl(ServerInfo server, SsoLoopback loopback) {
        return server.baseUrl().newBuilder()
                .addPathSegments("_matrix/client/v3/login/sso/redirect")
                .addQueryParameter("redirectUrl", loopback.redirectUrl())
                .build().toString();
    }

    /** Waits for the browser step to deliver a login token to {@code loopback}, then signs in with it. */
    public BackgroundTask<LoginSession> signInWithSso(ServerInfo server, SsoLoopback loopback) {
        return signInWithSso(server, loopback, SSO_WAIT);
    }

    BackgroundTask<LoginSession> signInWithSso(ServerInfo server, SsoLoopback loopback, java.time.Duration wait) {
        return tasks.of(() -> {
            String loginToken = loopback.awaitToken(wait);
            Homeserver candidate = new Homeserver(server.baseUrl());
            LoginSession login = candidate.auth().loginWithToken(loginToken);
            requireAdmin(candidate, login, true);
            adopt(candidate, server, login);
            return login;
        });
    }

    /** Completes single sign-on with the login token the browser step delivered. */
    public BackgroundTask<LoginSession> completeSso(ServerInfo server, String loginToken) {
        return tasks.of(() -> {
            Homeserver candidate = new Homeserver(server.baseUrl());
            LoginSession login = candidate.auth().loginWithToken(loginToken);
            requireAdmin(candidate, login, true);
            adopt(candidate, server, login);
            return login;
        });
    }

    /** Forgets the session here; with {@code endOnServer} the token is also revoked on the server. */
    public BackgroundTask<Void> signOut(boolean endOnServer) {
        Homeserver current = homeserver;
        return tasks.run(() -> {
            try {
                if (endOnServer && current != null) {
                    current.auth().logout();
                }
            } finally {
                homeserver = null;
                session = null;
            }
        });
    }

    private static void requireAdmin(Homeserver candidate, LoginSession login, boolean ownsSession) {
        try {
            candidate.admin().getUser(login.userId());
        } catch (MatrixApiException e) {
            if (ownsSession && e.category() == ErrorCategory.NOT_ADMIN) {
                try {
                    candidate.auth().logout();
                } catch (MatrixApiException ignored) {
                    // the session we just made is useless either way
                }
            }
            throw e;
        }
    }

    private void adopt(Homeserver candidate, ServerInfo server, LoginSession login) {
        this.homeserver = candidate;
        this.serverInfo = server;
        this.session = login;
    }

    public Optional<Homeserver> homeserver() {
        return Optional.ofNullable(homeserver);
    }

    public Optional<ServerInfo> serverInfo() {
        return Optional.ofNullable(serverInfo);
    }

    public Optional<LoginSession> session() {
        return Optional.ofNullable(session);
    }

    /** The server name part of the signed-in admin's user ID, e.g. {@code example.org}. */
    public String serverName() {
        LoginSession current = Objects.requireNonNull(session, "not signed in");
        return current.userId().substring(current.userId().indexOf(':') + 1);
    }

    Homeserver requireHomeserver() {
        Homeserver current = homeserver;
        if (current == null) {
            throw MatrixApiException.local(ErrorCategory.TOKEN_INVALID, "not signed in");
        }
        return current;
    }
}
