package app.registrar.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signing in and out of a homeserver as an admin. */
public final class AuthApi {

    static final String DEVICE_NAME = "Registrar";

    private final HttpTransport http;
    private final ApiSession session;

    /** Signs in and out on {@code http}'s {@link ApiSession}, the one every API on that transport sends with. */
    public AuthApi(HttpTransport http) {
        this.http = http;
        this.session = http.session();
    }

    /**
     * Signs in with a user name (localpart or full user ID) and password. Never retried here: a rate-limited
     * login ({@link ErrorCategory#RATE_LIMITED}) carries the wait the server asked for.
     */
    public LoginSession loginWithPassword(String user, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "m.login.password");
        body.put("identifier", Map.of("type", "m.id.user", "user", user.strip()));
        body.put("password", password);
        body.put("initial_device_display_name", DEVICE_NAME);
        return session(http.postPublic(http.url("_matrix", "client", "v3", "login"), body, JsonNode.class));
    }

    /** Completes single sign-on: exchanges the {@code loginToken} the browser step delivered for a session. */
    public LoginSession loginWithToken(String loginToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "m.login.token");
        body.put("token", loginToken);
        body.put("initial_device_display_name", DEVICE_NAME);
        return session(http.postPublic(http.url("_matrix", "client", "v3", "login"), body, JsonNode.class));
    }

    /** Checks a pasted access token and says whose it is. */
    public LoginSession useAccessToken(AccessToken token) {
        session.useToken(token);
        JsonNode whoami = http.get(http.url("_matrix", "client", "v3", "account", "whoami"), JsonNode.class);
        return new LoginSession(whoami.path("user_id").asText(), token, whoami.path("device_id").textValue(), http.baseUrl());
    }

    /** Who the current token (fixed or from a token provider) belongs to, and its device. */
    public LoginSession whoamiSession() {
        JsonNode whoami = http.get(http.url("_matrix", "client", "v3", "account", "whoami"), JsonNode.class);
        return new LoginSession(whoami.path("user_id").asText(), null, whoami.path("device_id").textValue(), http.baseUrl());
    }

    /** The user ID of the current token's owner. */
    public String whoami() {
        return http.get(http.url("_matrix", "client", "v3", "account", "whoami"), JsonNode.class).path("user_id").asText();
    }

    /** Ends the session on the server: the token stops working. */
    public void logout() {
        http.post(http.url("_matrix", "client", "v3", "logout"), Map.of(), Void.class);
        session.useToken(null);
    }

    private LoginSession session(JsonNode reply) {
        String token = reply.path("access_token").textValue();
        if (token == null) {
            throw MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE, "the server did not return an access token");
        }
        AccessToken accessToken = new AccessToken(token);
        session.useToken(accessToken);
        return new LoginSession(reply.path("user_id").asText(), accessToken, reply.path("device_id").textValue(), http.baseUrl());
    }
}
