package app.registrar.api;

import java.time.Instant;
import java.util.Arrays;

/**
 * What an OAuth 2.0 token endpoint handed out. Both tokens are {@link AccessToken}s so neither can reach a log.
 *
 * @param accessToken   the bearer token for MAS's admin API and for Synapse
 * @param refreshToken  renews the access token; null for the client-credentials grant, which asks again instead
 * @param expiresAt     when the access token stops working (MAS: 5 minutes after issue)
 * @param scope         the scopes granted, space separated
 */
public record OAuthTokens(AccessToken accessToken, AccessToken refreshToken, Instant expiresAt, String scope) {

    public boolean grants(String wanted) {
        return scope != null && Arrays.asList(scope.split(" ")).contains(wanted);
    }
}
