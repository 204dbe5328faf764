package app.registrar.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Registrar as an OAuth 2.0 client of the homeserver's Matrix Authentication Service: registers itself
 * (RFC 7591, a native app with a loopback redirect, no secret), builds the browser's authorization address with
 * PKCE, and trades codes, refresh tokens or a configured client's credentials for tokens. Sends no bearer token.
 */
public final class OAuthClient {

    /** Shown on MAS's consent page; MAS's default policy wants an https client_uri. */
    static final String CLIENT_NAME = "Registrar";
    static final String CLIENT_URI = "https://registrar.app/";

    private final AuthMetadata metadata;
    private final HttpTransport http;
    private final Clock clock;

    public OAuthClient(AuthMetadata metadata, Network network) {
        this(metadata, network, Clock.systemUTC());
    }

    public OAuthClient(AuthMetadata metadata, Network network, Clock clock) {
        this.metadata = metadata;
        this.http = new HttpTransport(metadata.publicBase(), network);
        this.clock = clock;
    }

    public AuthMetadata metadata() {
        return metadata;
    }

    /** Registers Registrar for this one sign-in; answers the client ID the server gave it. */
    public String register(String redirectUri) {
        if (metadata.registrationEndpoint() == null) {
            throw MatrixApiException.local(ErrorCategory.ENDPOINT_UNAVAILABLE,
                    "the server's sign-in service does not let apps register themselves");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_name", CLIENT_NAME);
        body.put("client_uri", CLIENT_URI);
        body.put("application_type", "native");
        body.put("redirect_uris", List.of(redirectUri));
        body.put("grant_types", List.of("authorization_code", "refresh_token"));
        body.put("response_types", List.of("code"));
        body.put("token_endpoint_auth_method", "none");
        JsonNode reply = http.postPublic(metadata.registrationEndpoint(), body, JsonNode.class);
        String clientId = reply.path("client_id").textValue();
        if (clientId == null || clientId.isBlank()) {
            throw MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE, "the server registered Registrar without a client ID");
        }
        return clientId;
    }

    /** The address the system browser opens: sign in and consent there, then MAS sends it to {@code redirectUri}. */
    public HttpUrl authorizationUrl(String clientId, String redirectUri, String scope, String state, Pkce pkce) {
        return metadata.authorizationEndpoint().newBuilder()
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", clientId)
                .addQueryParameter("redirect_uri", redirectUri)
                .addQueryParameter("scope", scope)
                .addQueryParameter("state", state)
                .addQueryParameter("code_challenge", pkce.challenge())
                .addQueryParameter("code_challenge_method", "S256")
                // Ask every time: the admin should see which account gets admin rights.
                .addQueryParameter("prompt", "consent")
                .build();
    }

    public OAuthTokens exchangeCode(String clientId, String code, String redirectUri, Pkce pkce) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", clientId);
        form.put("code_verifier", pkce.verifier());
        return tokens(http.postForm(metadata.tokenEndpoint(), form, null, null, JsonNode.class));
    }

    public OAuthTokens refresh(String clientId, AccessToken refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken.reveal());
        form.put("client_id", clientId);
        return tokens(http.postForm(metadata.tokenEndpoint(), form, null, null, JsonNode.class));
    }

    /**
     * The client-credentials grant for a confidential client the server admin configured. HTTP Basic first
     * ({@code client_secret_basic}); a client configured for {@code client_secret_post} is asked again that way.
     */
    public OAuthTokens clientCredentials(String clientId, String clientSecret, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("scope", scope);
        try {
            try {
                return tokens(http.postForm(metadata.tokenEndpoint(), form, clientId, clientSecret, JsonNode.class));
            } catch (MatrixApiException e) {
                if (!"invalid_client".equals(e.errcode().orElse(""))) {
                    throw e;
                }
                form.put("client_id", clientId);
                form.put("client_secret", clientSecret);
                return tokens(http.postForm(metadata.tokenEndpoint(), form, null, null, JsonNode.class));
            }
        } catch (MatrixApiException e) {
            if ("invalid_scope".equals(e.errcode().orElse(""))) {
                // The client exists and its secret is right, but MAS's policy does not list it in admin_clients.
                throw new MatrixApiException(ErrorCategory.MAS_CLIENT_NOT_ADMIN, e.status(), e.errcode().orElse(null),
                        e.serverError().orElse(null), null, false, e);
            }
            throw e;
        }
    }

    /** Ends a session on the server (RFC 7009); does nothing when the server offers no revocation. */
    public void revoke(String clientId, String clientSecret, AccessToken token) {
        if (metadata.revocationEndpoint() == null) {
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token.reveal());
        if (clientSecret == null) {
            form.put("client_id", clientId);
        }
        http.postForm(metadata.revocationEndpoint(), form, clientSecret == null ? null : clientId, clientSecret, Void.class);
    }

    private OAuthTokens tokens(JsonNode reply) {
        String access = reply.path("access_token").textValue();
        if (access == null || access.isBlank()) {
            throw MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE, "the server did not return an access token");
        }
        String refresh = reply.path("refresh_token").textValue();
        long expiresIn = reply.path("expires_in").asLong(300);
        Instant expiresAt = clock.instant().plusSeconds(expiresIn);
        return new OAuthTokens(new AccessToken(access), refresh == null || refresh.isBlank() ? null : new AccessToken(refresh),
                expiresAt, reply.path("scope").asText(""));
    }
}
