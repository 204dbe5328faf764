package app.registrar.api;

import okhttp3.HttpUrl;

/**
 * One homeserver connection: one {@link ApiSession} (whose token the calls carry) and one transport that sends
 * with it, given to the sign-in API, which fills the session, and to the admin and other APIs, which use it.
 */
public final class Homeserver {

    private final ApiSession session;
    private final HttpTransport http;
    private final AuthApi auth;
    private final AdminApi admin;
    private final EncryptionApi encryption;
    private final RecoveryApi recovery;
    private final CleanupApi cleanup;

    public Homeserver(HttpUrl baseUrl) {
        this(baseUrl, Network.standard());
    }

    public Homeserver(HttpUrl baseUrl, Network network) {
        this(new HttpTransport(baseUrl, network, new ApiSession()));
    }

    public Homeserver(HttpTransport http) {
        this.session = http.session();
        this.http = http;
        this.auth = new AuthApi(http);
        this.admin = new AdminApi(http);
        this.encryption = new EncryptionApi(http);
        this.recovery = new RecoveryApi(http);
        this.cleanup = new CleanupApi(http);
    }

    /** Records every change this connection sends (the audit trail); see {@link WriteObserver}. */
    public void setWriteObserver(WriteObserver observer) {
        http.setWriteObserver(observer);
    }

    /** The same session without the write observer, for the audit trail's own room messages. */
    public HttpTransport unobservedTransport() {
        return http.unobserved();
    }

    public HttpUrl baseUrl() {
        return http.baseUrl();
    }

    public AuthApi auth() {
        return auth;
    }

    public AdminApi admin() {
        return admin;
    }

    public EncryptionApi encryption() {
        return encryption;
    }

    public RecoveryApi recovery() {
        return recovery;
    }

    /** Removing an account's messages and media (issue 14). */
    public CleanupApi cleanup() {
        return cleanup;
    }

    /** Whose token this connection's calls carry; the sign-in API fills it. */
    public ApiSession session() {
        return session;
    }

    /** Uses an existing session's token (restored or pasted) for the calls that follow. */
    public void useToken(AccessToken token) {
        session.useToken(token);
    }

    /** Takes every call's token from an OAuth 2.0 session that renews it (a MAS sign-in). */
    public void useTokenProvider(TokenProvider provider) {
        session.useTokenProvider(provider);
    }

    public boolean isSignedIn() {
        return session.isSignedIn();
    }
}
