package app.registrar.api;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A signed-in OAuth 2.0 session with MAS whose access token lives only minutes: every call asks it for the token,
 * and it renews the token first when less than a minute is left — with the refresh token (browser sign-in; MAS
 * hands out a new refresh token each time, which the listeners store) or by asking again with the client's
 * credentials. The same session serves MAS's admin API and Synapse, so both always send the same, live token.
 */
public final class OAuthSession implements TokenProvider {

    /** Renew this long before expiry, so a call that starts now still finishes with a valid token. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    private final OAuthClient client;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final Clock clock;
    private final List<Consumer<OAuthTokens>> renewalListeners = new CopyOnWriteArrayList<>();
    private OAuthTokens tokens;

    private OAuthSession(OAuthClient client, String clientId, String clientSecret, String scope, OAuthTokens tokens, Clock clock) {
        this.client = client;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A session from the browser sign-in: renewed with its refresh token. */
    public static OAuthSession fromAuthorizationCode(OAuthClient client, String clientId, OAuthTokens tokens, Clock clock) {
        return new OAuthSession(client, clientId, null, tokens.scope(), tokens, clock);
    }

    /** A confidential client's session: renewed by asking again with the same credentials and scope. */
    public static OAuthSession fromClientCredentials(OAuthClient client, String clientId, String clientSecret,
                                                     String scope, Clock clock) {
        return new OAuthSession(client, clientId, clientSecret, scope, client.clientCredentials(clientId, clientSecret, scope), clock);
    }

    @Override
    public synchronized AccessToken current() {
        if (!clock.instant().isBefore(tokens.expiresAt().minus(MARGIN))) {
            renew();
        }
        return tokens.accessToken();
    }

    /** Renews now, whatever the expiry says (after the server refused the token). */
    public synchronized void renew() {
        OAuthTokens renewed;
        if (clientSecret != null) {
            renewed = client.clientCredentials(clientId, clientSecret, scope);
        } else if (tokens.refreshToken() != null) {
            renewed = client.refresh(clientId, tokens.refreshToken());
            if (renewed.refreshToken() == null) {
                // RFC 6749 6: the server may keep the old refresh token.
                renewed = new OAuthTokens(renewed.accessToken(), tokens.refreshToken(), renewed.expiresAt(), renewed.scope());
            }
        } else {
            throw MatrixApiException.local(ErrorCategory.TOKEN_INVALID, "the session cannot be renewed");
        }
        OAuthTokens fresh = renewed;
        tokens = fresh;
        renewalListeners.forEach(listener -> listener.accept(fresh));
    }

    /** Runs on the calling worker after every renewal, e.g. to keep the newest refresh token in the keychain. */
    public void onRenewal(Consumer<OAuthTokens> listener) {
        renewalListeners.add(listener);
    }

    public synchronized OAuthTokens tokens() {
        return tokens;
    }

    public String clientId() {
        return clientId;
    }

    public boolean usesClientCredentials() {
        return clientSecret != null;
    }

    public OAuthClient client() {
        return client;
    }

    /** Revokes the session's tokens on the server: they stop working at once. */
    public synchronized void revoke() {
        client.revoke(clientId, clientSecret, tokens.accessToken());
        if (tokens.refreshToken() != null) {
            client.revoke(clientId, clientSecret, tokens.refreshToken());
        }
    }
}
