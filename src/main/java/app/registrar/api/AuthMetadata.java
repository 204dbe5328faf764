package app.registrar.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * What the homeserver's OAuth 2.0 authorization server — Matrix Authentication Service (MAS) — publishes about itself
 * (RFC 8414 fields, found through the homeserver's {@code auth_metadata} as the Matrix spec v1.15 / MSC2965 says).
 *
 * @param issuer                 the authorization server; MAS's admin API lives under it
 * @param authorizationEndpoint  where the browser signs in and consents
 * @param tokenEndpoint          where codes, refresh tokens and client credentials become access tokens
 * @param registrationEndpoint   dynamic client registration (RFC 7591), or null when the server offers none
 * @param revocationEndpoint     token revocation (RFC 7009), or null
 * @param scopesSupported        the scopes the server lists (MAS lists only a few; the Matrix ones are implied)
 * @param grantTypesSupported    the grants the server lists
 */
public record AuthMetadata(HttpUrl issuer, HttpUrl authorizationEndpoint, HttpUrl tokenEndpoint,
                           HttpUrl registrationEndpoint, HttpUrl revocationEndpoint, List<String> scopesSupported,
                           List<String> grantTypesSupported) {

    /** Reads the metadata through the homeserver: the stable endpoint first, then MSC2965's unstable one. */
    public static AuthMetadata read(HttpTransport homeserver) {
        JsonNode json;
        try {
            json = homeserver.getPublic(homeserver.url("_matrix", "client", "v1", "auth_metadata"), JsonNode.class);
        } catch (MatrixApiException e) {
            if (e.category() != ErrorCategory.ENDPOINT_UNAVAILABLE && e.category() != ErrorCategory.NOT_FOUND
                    && e.category() != ErrorCategory.NOT_A_MATRIX_SERVER) {
                throw e;
            }
            json = homeserver.getPublic(homeserver.url("_matrix", "client", "unstable", "org.matrix.msc2965",
                    "auth_metadata"), JsonNode.class);
        }
        return parse(json);
    }

    static AuthMetadata parse(JsonNode json) {
        return new AuthMetadata(required(json, "issuer"), required(json, "authorization_endpoint"),
                required(json, "token_endpoint"), optional(json, "registration_endpoint"),
                optional(json, "revocation_endpoint"), strings(json.path("scopes_supported")),
                strings(json.path("grant_types_supported")));
    }

    /**
     * MAS's public address, under which it serves its admin API ({@code api/admin/v1/}). The issuer may be another
     * name (the server name); the authorization endpoint is always {@code <public base>/authorize}.
     */
    public HttpUrl publicBase() {
        return Objects.requireNonNull(authorizationEndpoint.resolve("./"));
    }

    public boolean supportsClientCredentials() {
        return grantTypesSupported.isEmpty() || grantTypesSupported.contains("client_credentials");
    }

    private static HttpUrl required(JsonNode json, String field) {
        HttpUrl url = optional(json, field);
        if (url == null) {
            throw MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE,
                    "the server's sign-in service did not say its " + field);
        }
        return url;
    }

    private static HttpUrl optional(JsonNode json, String field) {
        String text = json.path(field).textValue();
        if (text == null || text.isBlank()) {
            return null;
        }
        HttpUrl url = HttpUrl.parse(text.strip());
        if (url == null) {
            throw MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE,
                    "the server's sign-in service named an invalid " + field);
        }
        return ServerAddress.requireAllowed(url);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return List.copyOf(out);
    }
}
