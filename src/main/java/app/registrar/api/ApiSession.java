package app.registrar.api;

/**
 * Who the calls of one connection are made as: a fixed access token (password, single sign-on, pasted or restored
 * token) or a {@link TokenProvider} that renews a short-lived one (a MAS sign-in), which wins while it is set.
 * One object, made by {@link Homeserver} and given both to {@link AuthApi}, which fills it when it signs in or
 * out, and to the {@link HttpTransport} that {@link AdminApi} and the other APIs send through, which reads it for
 * every call. Thread-safe: sign-in writes it on one worker while calls read it on others.
 */
public final class ApiSession {

    private volatile AccessToken token;
    private volatile TokenProvider provider;

    /** Uses {@code token} for the calls that follow; {@code null} signs out. */
    public void useToken(AccessToken token) {
        this.token = token;
    }

    /** Takes every call's token from {@code provider} instead; {@code null} goes back to the fixed token. */
    public void useTokenProvider(TokenProvider provider) {
        this.provider = provider;
    }

    public boolean isSignedIn() {
        return token != null || provider != null;
    }

    /** The token for the next call, or {@code null} when signed out. */
    AccessToken current() {
        TokenProvider renewing = provider;
        return renewing != null ? renewing.current() : token;
    }
}
