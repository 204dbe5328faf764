package app.registrar.api;

import okhttp3.HttpUrl;

/** One homeserver connection: its transport, shared by the sign-in and admin APIs so both use the same token. */
public final class Homeserver {

    private final HttpTransport http;
    private final AuthApi auth;
    private final AdminApi admin;
    private final EncryptionApi encryption;
    private final RecoveryApi recovery;
    private final CleanupApi cleanup;

    public Homeserver(HttpUrl baseUrl) {
        this(new HttpTransport(baseUrl));
    }

    public Homeserver(HttpUrl baseUrl, Network network) {
        this(new HttpTransport(baseUrl, network));
    }

    public Homeserver(HttpTransport http) {
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

    /** Uses an existing session's token (restored or pasted) for the calls that follow. */
    public void useToken(AccessToken token) {
        http.setAccessToken(token);
    }

    /** Takes every call's token from an OAuth 2.0 session that renews it (a MAS sign-in). */
    public void useTokenProvider(TokenProvider provider) {
        http.setTokenProvider(provider);
    }

    public boolean isSignedIn() {
        return http.hasAccessToken();
    }
}
