package app.registrar.service;

import app.registrar.api.AccessToken;
import app.registrar.api.AuthMetadata;
import app.registrar.api.Cancellation;
import app.registrar.api.ErrorCategory;
import app.registrar.api.Homeserver;
import app.registrar.api.HttpTransport;
import app.registrar.api.LoginSession;
import app.registrar.api.MasAdminApi;
import app.registrar.api.MasSiteConfig;
import app.registrar.api.MatrixApiException;
import app.registrar.api.Network;
import app.registrar.api.OAuthClient;
import app.registrar.api.OAuthScopes;
import app.registrar.api.OAuthSession;
import app.registrar.api.OAuthTokens;
import app.registrar.api.Pkce;
import app.registrar.api.PresentedCertificate;
import app.registrar.api.ServerAddress;
import app.registrar.api.ServerApi;
import app.registrar.api.ServerInfo;
import app.registrar.api.WriteObserver;
import app.registrar.audit.AuditLog;
import app.registrar.audit.AuditTrail;
import app.registrar.store.AccountScopedWrites;
import app.registrar.store.AccountStore;
import app.registrar.store.InviteStore;
import app.registrar.store.MasAccountStore;
import app.registrar.store.MasInviteStore;
import app.registrar.store.SynapseAccountStore;
import app.registrar.store.SynapseInviteStore;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import okhttp3.HttpUrl;

/**
 * Finding a homeserver and signing in as its admin, off the JavaFX thread. Holds the current session, which
 * {@link AccountService} uses for every account call.
 */
public final class ConnectionService {

    private final Tasks tasks;
    private final Network network;
    private final CredentialStore credentials;
    private final LastSession lastSession;
    private final AuditTrail audit;
    private final List<Runnable> expiryListeners = new CopyOnWriteArrayList<>();
    // Weakly: a screen rebuilt in another language leaves its old list behind, which must not keep reloading.
    private final List<WeakReference<Runnable>> troubleListeners = new CopyOnWriteArrayList<>();
    private volatile Homeserver homeserver;
    private volatile ServerInfo serverInfo;
    private volatile LoginSession session;
    private volatile MasConnection mas;
    private volatile AccountStore store;
    private volatile SignInMethod method = SignInMethod.PASSWORD;

    /** How a session was signed in: signing in again after the server stopped accepting it offers the same way. */
    public enum SignInMethod {
        PASSWORD, ACCESS_TOKEN, SINGLE_SIGN_ON, MAS_BROWSER, MAS_CLIENT;

        static Optional<SignInMethod> named(String name) {
            return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
        }
    }

    /** A connection whose sessions live in memory only (tests, and machines without a keychain). */
    public ConnectionService(TaskExecutor executor) {
        this(executor, new MemoryCredentialStore(), LastSession.inMemory());
    }

    public ConnectionService(TaskExecutor executor, CredentialStore credentials, LastSession lastSession) {
        this(executor, credentials, lastSession, Network.standard());
    }

    /** With the network (certificate trust, proxy sign-in) every call of this connection goes through. */
    public ConnectionService(TaskExecutor executor, CredentialStore credentials, LastSession lastSession, Network network) {
        this(executor, credentials, lastSession, network, AuditTrail.none());
    }

    /** With the audit trail that records every change of every session this service signs in. */
    public ConnectionService(TaskExecutor executor, CredentialStore credentials, LastSession lastSession, Network network,
                             AuditTrail audit) {
        this.audit = audit;
        this.network = network;
        this.tasks = new Tasks(executor);
        this.credentials = credentials;
        this.lastSession = lastSession;
    }

    /** Where this service's results are delivered; view models schedule their timers on it too. */
    public TaskExecutor executor() {
        return tasks.executor();
    }

    /** Whether a signed-in session survives a restart (the token is in the OS keychain). */
    public boolean remembersSessions() {
        return credentials.isPersistent();
    }

    /** A restored session: who, and the server it is on. */
    public record Restored(LoginSession session, ServerInfo server) { }

    /** Looks, off the JavaFX thread, for a last session whose token the keychain still holds. */
    public BackgroundTask<Optional<LastSession.Entry>> findRestorableSession() {
        return tasks.of(this::restorableSession);
    }

    /** The last session's server and admin, when the keychain still holds its token. Reads the keychain. */
    public Optional<LastSession.Entry> restorableSession() {
        return lastSession.get().filter(entry ->
                credentials.load(CredentialStore.keyFor(entry.baseUrl(), entry.userId())).isPresent());
    }

    /**
     * Signs in again with the token kept in the keychain. A token the server no longer accepts is deleted and
     * the failure ({@link ErrorCategory#TOKEN_INVALID}) handed on, so the admin signs in anew.
     */
    public BackgroundTask<Restored> restore() {
        return tasks.of(() -> {
            LastSession.Entry entry = lastSession.get().orElseThrow(() ->
                    MatrixApiException.local(ErrorCategory.TOKEN_INVALID, "no earlier session"));
            String key = CredentialStore.keyFor(entry.baseUrl(), entry.userId());
            AccessToken token = credentials.load(key).orElseThrow(() ->
                    MatrixApiException.local(ErrorCategory.TOKEN_INVALID, "no stored token"));
            ServerInfo server = ServerApi.describe(HttpUrl.get(entry.baseUrl()), network);
            if (lastSession.method().flatMap(SignInMethod::named).orElse(null) == SignInMethod.MAS_BROWSER) {
                return restoreThroughMas(server, key, token);
            }
            Homeserver candidate = new Homeserver(server.baseUrl(), network);
            try {
                LoginSession login = candidate.auth().useAccessToken(token);
                requireAdmin(candidate, login, false);
                adopt(candidate, server, login, lastSession.method().flatMap(SignInMethod::named)
                        .orElse(SignInMethod.PASSWORD));
                return new Restored(login, server);
            } catch (MatrixApiException e) {
                if (e.category() == ErrorCategory.TOKEN_INVALID || e.category() == ErrorCategory.NOT_ADMIN) {
                    credentials.delete(key);
                }
                throw e;
            }
        });
    }

    /**
     * A browser sign-in through MAS kept its refresh token in the keychain (with the client ID in the preferences):
     * renewing it gives a fresh session without the browser. MAS hands out a new refresh token each time, which
     * {@link #adoptMas} keeps. A refresh token MAS no longer accepts (signed out there, expired) is deleted.
     */
    private Restored restoreThroughMas(ServerInfo server, String key, AccessToken refreshToken) {
        String clientId = lastSession.oauthClientId().orElseThrow(() -> {
            credentials.delete(key);
            return MatrixApiException.local(ErrorCategory.TOKEN_INVALID, "no client ID kept with the refresh token");
        });
        AuthMetadata metadata = AuthMetadata.read(
                new HttpTransport(server.baseUrl(), network));
        OAuthClient client = new OAuthClient(metadata, network);
        OAuthTokens tokens;
        try {
            tokens = client.refresh(clientId, refreshToken);
        } catch (MatrixApiException e) {
            if (e.errcode().filter(code -> code.equals("invalid_grant") || code.equals("invalid_client")).isPresent()
                    || e.category() == ErrorCategory.TOKEN_INVALID) {
                credentials.delete(key);
                throw MatrixApiException.local(ErrorCategory.TOKEN_INVALID, "the sign-in service no longer accepts the kept sign-in");
            }
            throw e;
        }
        OAuthSession oauth = OAuthSession.fromAuthorizationCode(client, clientId, tokens,
                Clock.systemUTC());
        Homeserver candidate = new Homeserver(server.baseUrl(), network);
        candidate.useTokenProvider(oauth);
        LoginSession who = candidate.auth().whoamiSession();
        LoginSession login = new LoginSession(who.userId(), tokens.accessToken(), who.deviceId(), server.baseUrl());
        MasConnection connection = masConnection(metadata, oauth, true);
        requireAdmin(candidate, login, false);
        adoptMas(candidate, server, login, connection);
        method = SignInMethod.MAS_BROWSER;
        return new Restored(login, server);
    }

    /**
     * Signs the same admin in again after the server stopped accepting the token, on the same connection, so
     * every open dialog keeps what was typed and can simply try again.
     */
    public BackgroundTask<LoginSession> reauthenticate(String password) {
        return signInAgain(SignInMethod.PASSWORD, false,
                (current, old) -> current.auth().loginWithPassword(old.userId(), password));
    }

    /** Signs the same admin in again with a new access token they pasted (a session begun with a token). */
    public BackgroundTask<LoginSession> reauthenticateWithToken(String token) {
        // On a connection of its own: a token of another account must never reach the one the open dialogs use.
        return signInAgain(SignInMethod.ACCESS_TOKEN, true,
                (fresh, old) -> fresh.auth().useAccessToken(new AccessToken(token.strip())));
    }

    /**
     * Signs in again with {@code signIn}, on the current connection or a fresh one to the same server, and keeps the
     * session only if it is the same admin's.
     */
    private BackgroundTask<LoginSession> signInAgain(SignInMethod how, boolean freshConnection,
                                                    BiFunction<Homeserver, LoginSession, LoginSession> signIn) {
        Homeserver current = requireHomeserver();
        LoginSession old = session;
        return tasks.of(() -> {
            Homeserver on = freshConnection ? new Homeserver(current.baseUrl(), network) : current;
            LoginSession login = signIn.apply(on, old);
            requireSameAdmin(old, login);
            adopt(on, serverInfo, login, how);
            return login;
        });
    }

    /** Signs the same admin in again through single sign-on: waits for the browser to come back to {@code loopback}. */
    public BackgroundTask<LoginSession> reauthenticateWithSso(SsoLoopback loopback) {
        Homeserver current = requireHomeserver();
        LoginSession old = session;
        return tasks.of(() -> {
            Homeserver candidate = new Homeserver(current.baseUrl(), network);
            LoginSession login = candidate.auth().loginWithToken(loopback.awaitToken(SSO_WAIT));
            if (!login.userId().equals(old.userId())) {
                // Someone else signed in in the browser: end the session just made for them, keep nothing of it.
                try {
                    candidate.auth().logout();
                } catch (MatrixApiException ignored) {
                    // refused either way
                }
                requireSameAdmin(old, login);
            }
            adopt(candidate, serverInfo, login, SignInMethod.SINGLE_SIGN_ON);
            return login;
        });
    }

    /** How the current session was signed in. */
    public SignInMethod signInMethod() {
        return method;
    }

    private static void requireSameAdmin(LoginSession old, LoginSession login) {
        if (!login.userId().equals(old.userId())) {
            throw MatrixApiException.local(ErrorCategory.WRONG_CREDENTIALS, "signed in as another account");
        }
    }

    /** Runs {@code listener} (on the delivery thread) when a call finds that the server no longer accepts the session. */
    public void onSessionExpired(Runnable listener) {
        expiryListeners.add(listener);
    }

    /**
     * Runs {@code listener} (on the delivery thread) when a call finds the homeserver unreachable or failing: what
     * was read from it before may no longer be true by the time it answers again. Held weakly: the caller keeps
     * {@code listener} for as long as it wants to hear.
     */
    public void onServerTrouble(Runnable listener) {
        troubleListeners.removeIf(ref -> ref.get() == null);
        troubleListeners.add(new WeakReference<>(listener));
    }

    /** Sees every account call's failure; an invalid token while signed in tells the listeners. */
    void reportFailure(MatrixApiException failure) {
        if (failure.category() == ErrorCategory.TOKEN_INVALID && session != null) {
            expiryListeners.forEach(Runnable::run);
        }
        if (session != null && isServerTrouble(failure.category())) {
            for (WeakReference<Runnable> ref : troubleListeners) {
                Runnable listener = ref.get();
                if (listener != null) {
                    listener.run();
                }
            }
        }
    }

    /** The server could not be reached, broke the connection, failed, or a proxy answered in its place. */
    static boolean isServerTrouble(ErrorCategory category) {
        return category == ErrorCategory.NETWORK || category == ErrorCategory.TIMEOUT
                || category == ErrorCategory.SERVER_ERROR || category == ErrorCategory.ADMIN_API_UNREACHABLE;
    }

    /** Resolves what the admin typed (server name or URL) and reads what the server offers. */
    public BackgroundTask<ServerInfo> discover(String address) {
        return tasks.of(() -> ServerApi.describe(ServerApi.resolve(ServerAddress.parse(address), network), network));
    }

    /** What {@link #discover} found earlier for the same address, handed on as a task's result. */
    public BackgroundTask<ServerInfo> found(ServerInfo server) {
        return tasks.of(() -> server);
    }

    /**
     * Trusts exactly the certificate a server presented, for that server ({@code host:port}), from now on: only
     * ever after the admin said so. Quick (one preferences write), so it runs on the caller's thread.
     */
    public void trustCertificate(PresentedCertificate certificate) {
        network.trust(certificate);
    }

    /** Signs in with a password and checks that the account is a server admin. */
    public BackgroundTask<LoginSession> signIn(ServerInfo server, String user, String password) {
        return tasks.of(() -> {
            Homeserver candidate = new Homeserver(server.baseUrl(), network);
            LoginSession login = candidate.auth().loginWithPassword(user, password);
            requireAdmin(candidate, login, true);
            adopt(candidate, server, login, SignInMethod.PASSWORD);
            return login;
        });
    }

    /** Uses an access token the admin pasted, after checking whose it is and that it belongs to an admin. */
    public BackgroundTask<LoginSession> useToken(ServerInfo server, String token) {
        return tasks.of(() -> {
            Homeserver candidate = new Homeserver(server.baseUrl(), network);
            LoginSession login = candidate.auth().useAccessToken(new AccessToken(token));
            // A pasted token may be the admin's own Element session: never log it out behind their back.
            requireAdmin(candidate, login, false);
            adopt(candidate, server, login, SignInMethod.ACCESS_TOKEN);
            return login;
        });
    }

    /** How long the admin has to finish signing in in the browser. */
    static final Duration SSO_WAIT = Duration.ofMinutes(5);

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

    /** Opens the loopback listener the browser returns to, on a worker: binding a port is I/O. */
    public BackgroundTask<SsoLoopback> listenForSso() {
        return tasks.of(SsoLoopback::start);
    }

    /** Waits for the browser step to deliver a login token to {@code loopback}, then signs in with it. */
    public BackgroundTask<LoginSession> signInWithSso(ServerInfo server, SsoLoopback loopback) {
        return signInWithSso(server, loopback, SSO_WAIT);
    }

    BackgroundTask<LoginSession> signInWithSso(ServerInfo server, SsoLoopback loopback, Duration wait) {
        return tasks.of(() -> {
            String loginToken = loopback.awaitToken(wait);
            Homeserver candidate = new Homeserver(server.baseUrl(), network);
            LoginSession login = candidate.auth().loginWithToken(loginToken);
            requireAdmin(candidate, login, true);
            adopt(candidate, server, login, SignInMethod.SINGLE_SIGN_ON);
            return login;
        });
    }

    /**
     * Starts a sign-in through the server's Matrix Authentication Service in the system browser: registers Registrar
     * with MAS for a loopback redirect and answers the address to open. {@link #completeMasSignIn} waits for it.
     */
    public BackgroundTask<MasSignIn> startMasSignIn(ServerInfo server) {
        return tasks.of(() -> {
            AuthMetadata metadata = AuthMetadata.read(
                    new HttpTransport(server.baseUrl(), network));
            OAuthClient client = new OAuthClient(metadata, network);
            OAuthLoopback loopback = OAuthLoopback.start(Pkce.randomUrlSafe(16));
            // Cancelled before the admin got to the browser: the sign-in is dropped, so its listener closes here.
            Cancellation.onCancel(loopback::close);
            try {
                String clientId = client.register(loopback.redirectUri());
                Pkce pkce = Pkce.generate();
                String scope = OAuthScopes.forAdmin(metadata, server.specVersions(),
                        OAuthScopes.newDeviceId());
                String url = client.authorizationUrl(clientId, loopback.redirectUri(), scope, loopback.state(), pkce).toString();
                return new MasSignIn(url, server, metadata, client, clientId, pkce, loopback);
            } catch (RuntimeException e) {
                loopback.close();
                throw e;
            }
        });
    }

    /** Waits for the browser to come back from MAS, trades the code for tokens, and checks the admin rights. */
    public BackgroundTask<LoginSession> completeMasSignIn(MasSignIn signIn) {
        return completeMasSignIn(signIn, SSO_WAIT, null);
    }

    /**
     * Signs the same admin in again through MAS in the browser, after MAS stopped accepting the session: someone
     * else signing in on MAS's page is refused and their new session ended, and the session here stays as it was.
     */
    public BackgroundTask<LoginSession> reauthenticateThroughMas(MasSignIn signIn) {
        LoginSession old = session;
        return completeMasSignIn(signIn, SSO_WAIT, old == null ? null : old.userId());
    }

    BackgroundTask<LoginSession> completeMasSignIn(MasSignIn signIn, Duration wait) {
        return completeMasSignIn(signIn, wait, null);
    }

    private BackgroundTask<LoginSession> completeMasSignIn(MasSignIn signIn, Duration wait, String sameAdmin) {
        return tasks.of(() -> {
            String code = signIn.loopback().awaitCode(wait);
            OAuthTokens tokens = signIn.client().exchangeCode(signIn.clientId(), code,
                    signIn.loopback().redirectUri(), signIn.pkce());
            OAuthSession oauth = OAuthSession.fromAuthorizationCode(
                    signIn.client(), signIn.clientId(), tokens, Clock.systemUTC());
            if (!tokens.grants(OAuthScopes.MAS_ADMIN) || !tokens.grants(OAuthScopes.SYNAPSE_ADMIN)) {
                throw MatrixApiException.local(ErrorCategory.MAS_NOT_ADMIN, "admin scopes were not granted");
            }
            Homeserver candidate = new Homeserver(signIn.server().baseUrl(), network);
            candidate.useTokenProvider(oauth);
            LoginSession who = candidate.auth().whoamiSession();
            if (sameAdmin != null && !sameAdmin.equals(who.userId())) {
                try {
                    oauth.revoke();
                } catch (MatrixApiException ignored) {
                    // refused either way; the session here is untouched
                }
                throw MatrixApiException.local(ErrorCategory.WRONG_CREDENTIALS, "signed in as another account");
            }
            LoginSession login = new LoginSession(who.userId(), tokens.accessToken(), who.deviceId(), signIn.server().baseUrl());
            MasConnection connection = masConnection(signIn.metadata(), oauth, true);
            requireAdmin(candidate, login, false);
            adoptMas(candidate, signIn.server(), login, connection);
            method = SignInMethod.MAS_BROWSER;
            return login;
        }).andFinally(signIn::close); // however it ends (even cancelled before it ran), the listener closes
    }

    /**
     * Signs in as a confidential client the server admin configured in MAS (client ID and secret, client-credentials
     * grant). Only MAS's admin API is open to it; the token is asked for again before it runs out.
     */
    public BackgroundTask<LoginSession> signInWithClientCredentials(ServerInfo server, String clientId, String clientSecret) {
        return tasks.of(() -> {
            AuthMetadata metadata = AuthMetadata.read(
                    new HttpTransport(server.baseUrl(), network));
            OAuthClient client = new OAuthClient(metadata, network);
            OAuthSession oauth = OAuthSession.fromClientCredentials(client,
                    clientId.strip(), clientSecret, OAuthScopes.MAS_ADMIN, Clock.systemUTC());
            MasConnection connection = masConnection(metadata, oauth, false);
            Homeserver candidate = new Homeserver(server.baseUrl(), network);
            candidate.useTokenProvider(oauth);
            LoginSession login = new LoginSession("client " + clientId.strip(), oauth.tokens().accessToken(), null, server.baseUrl());
            adoptMas(candidate, server, login, connection);
            method = SignInMethod.MAS_CLIENT;
            return login;
        });
    }

    private MasConnection masConnection(AuthMetadata metadata, OAuthSession oauth,
                                        boolean synapseAdmin) {
        HttpTransport transport = new HttpTransport(metadata.publicBase(), network);
        transport.session().useTokenProvider(oauth);
        MasAdminApi admin = new MasAdminApi(transport);
        MasSiteConfig site;
        try {
            site = admin.siteConfig();
        } catch (MatrixApiException e) {
            if (e.category() == ErrorCategory.ADMIN_API_UNREACHABLE || e.category() == ErrorCategory.ENDPOINT_UNAVAILABLE) {
                throw MatrixApiException.local(ErrorCategory.MAS_ADMIN_API_DISABLED, "MAS answered " + e.status()
                        + " for its admin API");
            }
            if (e.category() == ErrorCategory.NOT_ADMIN) {
                throw MatrixApiException.local(ErrorCategory.MAS_NOT_ADMIN, e.serverError().orElse("no urn:mas:admin"));
            }
            throw e;
        }
        return new MasConnection(metadata, oauth, admin, site, synapseAdmin, transport);
    }

    private void adoptMas(Homeserver candidate, ServerInfo server, LoginSession login, MasConnection connection) {
        // Every change of this session, to MAS or to Synapse, passes the audit trail before it leaves.
        WriteObserver recorder = audit.recorderFor(candidate.baseUrl().toString(), login.userId());
        candidate.setWriteObserver(recorder);
        connection.transport().setWriteObserver(recorder);
        this.homeserver = candidate;
        this.serverInfo = server;
        this.session = login;
        this.mas = connection;
        // MAS names accounts by its own IDs: each write carries the Matrix user ID it is for, for the audit trail.
        this.store = AccountScopedWrites.wrap(new MasAccountStore(connection.admin(),
                connection.synapseAdmin() ? candidate.admin() : null, connection.site().serverName(), connection.site()));
        keepRefreshToken(login, connection.oauth());
    }

    /**
     * A browser sign-in's refresh token goes where Synapse tokens go — the keychain when the admin chose to stay
     * signed in, memory otherwise ({@link CredentialStore}) — and again after every renewal, since MAS hands out a
     * new one each time and the old one stops working. The access token lives minutes and is never kept. A client
     * signed in with ID and secret has no refresh token and is not restored: its secret is not kept.
     */
    private void keepRefreshToken(LoginSession login, OAuthSession oauth) {
        AccessToken refresh = oauth.tokens().refreshToken();
        if (oauth.usesClientCredentials() || refresh == null) {
            return;
        }
        String key = CredentialStore.keyFor(login.baseUrl().toString(), login.userId());
        credentials.save(key, refresh);
        lastSession.set(login.baseUrl().toString(), login.userId());
        lastSession.setMethod(SignInMethod.MAS_BROWSER.name());
        lastSession.setOAuthClientId(oauth.clientId());
        oauth.onRenewal(renewed -> {
            if (renewed.refreshToken() != null && session == login) {
                credentials.save(key, renewed.refreshToken());
            }
        });
    }

    /** The MAS side of the session when Matrix Authentication Service owns the accounts. */
    public Optional<MasConnection> mas() {
        return Optional.ofNullable(mas);
    }

    /**
     * Forgets the session here (and in the keychain); with {@code endOnServer} the token is also revoked on the
     * server.
     */
    public BackgroundTask<Void> signOut(boolean endOnServer) {
        Homeserver current = homeserver;
        LoginSession old = session;
        MasConnection oldMas = mas;
        expiryListeners.clear();
        troubleListeners.clear();
        return tasks.run(() -> {
            // Preferences and the keychain are I/O: forgotten on the worker, like the sign-out itself.
            lastSession.clear();
            try {
                if (old != null) {
                    credentials.delete(CredentialStore.keyFor(old.baseUrl().toString(), old.userId()));
                }
                if (endOnServer && oldMas != null) {
                    oldMas.oauth().revoke();
                } else if (endOnServer && current != null) {
                    current.auth().logout();
                }
            } finally {
                homeserver = null;
                session = null;
                mas = null;
                store = null;
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

    private void adopt(Homeserver candidate, ServerInfo server, LoginSession login, SignInMethod how) {
        // From here on every change this session sends is in the server's audit log before it leaves.
        candidate.setWriteObserver(audit.recorderFor(candidate.baseUrl().toString(), login.userId()));
        audit.attachMirror(candidate.baseUrl().toString(), candidate.unobservedTransport(),
                login.userId().substring(login.userId().indexOf(':') + 1), login.userId());
        this.mas = null;
        this.store = new SynapseAccountStore(candidate.admin());
        this.homeserver = candidate;
        this.serverInfo = server;
        this.session = login;
        credentials.save(CredentialStore.keyFor(login.baseUrl().toString(), login.userId()), login.accessToken());
        lastSession.set(login.baseUrl().toString(), login.userId());
        lastSession.setMethod(how.name());
        this.method = how;
    }

    public Optional<Homeserver> homeserver() {
        return Optional.ofNullable(homeserver);
    }

    public Optional<ServerInfo> serverInfo() {
        return Optional.ofNullable(serverInfo);
    }

    /** The audit trail this connection records into. */
    public AuditTrail audit() {
        return audit;
    }

    /** The audit log of the server signed in to, when the trail keeps logs. */
    public Optional<AuditLog> auditLog() {
        Homeserver current = homeserver;
        return current == null ? Optional.empty() : audit.logFor(current.baseUrl().toString());
    }

    public Optional<LoginSession> session() {
        return Optional.ofNullable(session);
    }

    /**
     * Every account task of the signed-in session, sent to the server that owns it: Synapse, or Matrix Authentication
     * Service with Synapse for what only Synapse keeps.
     */
    public AccountStore accountStore() {
        AccountStore current = store;
        if (current == null) {
            throw MatrixApiException.local(ErrorCategory.TOKEN_INVALID, "not signed in");
        }
        return current;
    }

    /**
     * The invitations of the signed-in session, kept where people sign up: in Matrix Authentication Service when it
     * owns the accounts (its admin API opens to a client ID and secret too), else in Synapse.
     */
    public InviteStore inviteStore() {
        MasConnection masSide = mas;
        if (masSide != null) {
            return new MasInviteStore(masSide.admin(), masSide.site(), masSide.metadata().publicBase().toString());
        }
        Homeserver current = requireHomeserver();
        return new SynapseInviteStore(current.admin(), current.recovery());
    }

    /** The server name part of the signed-in admin's user ID, e.g. {@code example.org}. */
    public String serverName() {
        MasConnection masSide = mas;
        if (masSide != null) {
            return masSide.site().serverName();
        }
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

    /**
     * The homeserver, for calls that need Synapse itself. Signed in to MAS as a configured client, the token opens
     * MAS's admin API only: Synapse would answer 401, which would read as an expired session, so the call is
     * refused here with what to do instead.
     */
    Homeserver requireSynapse() {
        MasConnection masSide = mas;
        if (masSide != null && !masSide.synapseAdmin()) {
            throw MatrixApiException.local(ErrorCategory.MAS_CLIENT_ONLY, "signed in with a client ID and secret, "
                    + "Registrar can only reach the sign-in service: sign in through the browser for this");
        }
        return requireHomeserver();
    }
}
