package app.registrar.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/** How a homeserver lets people get back into their accounts without an admin, found out without sending mail. */
public final class RecoveryApi {

    /** The errcodes Synapse gives a malformed reset request once it got past "email resets are disabled". */
    private static final Set<String> BODY_REFUSED = Set.of("M_BAD_JSON", "M_MISSING_PARAM", "M_INVALID_PARAM", "M_NOT_JSON");

    private final HttpTransport http;

    public RecoveryApi(HttpTransport http) {
        this.http = http;
    }

    /**
     * Whether the server can send password-reset emails. Asks for a reset with an empty body: a server without
     * email settings refuses that first ("Email-based password resets have been disabled", M_UNKNOWN), one with
     * them refuses only the missing fields (M_BAD_JSON) — so no address is ever named and no mail is sent.
     */
    public boolean canSendPasswordResetMail() {
        try {
            http.postPublic(http.url("_matrix", "client", "v3", "account", "password", "email", "requestToken"),
                    Map.of(), JsonNode.class);
            // An empty request cannot succeed on any server that checks its input; do not claim anything.
            return false;
        } catch (MatrixApiException e) {
            if (e.category() == ErrorCategory.CANCELLED) {
                throw e;
            }
            return e.status() == 400 && e.errcode().filter(BODY_REFUSED::contains).isPresent();
        }
    }

    /**
     * Whether people can sign up on this server at all (so that an invite token can work): asks whether a user
     * name is available, a read that a server with registration switched off refuses with 403 M_FORBIDDEN.
     * Null when the answer says neither.
     */
    public Boolean signUpEnabled() {
        HttpUrl url = http.url("_matrix", "client", "v3", "register", "available").newBuilder()
                .addQueryParameter("username", "registrar-sign-up-probe").build();
        try {
            http.getPublic(url, JsonNode.class);
            return true;
        } catch (MatrixApiException e) {
            if (e.status() == 403 && e.errcode().filter("M_FORBIDDEN"::equals).isPresent()) {
                return false;
            }
            if (e.status() == 400 && e.errcode().filter(c -> c.equals("M_USER_IN_USE") || c.equals("M_INVALID_USERNAME")
                    || c.equals("M_EXCLUSIVE")).isPresent()) {
                return true;
            }
            if (e.category() == ErrorCategory.CANCELLED) {
                throw e;
            }
            return null;
        }
    }

    /** Single-sign-on providers the server offers on its login page: provider ID → the name people see. */
    public Map<String, String> identityProviders() {
        JsonNode reply = http.getPublic(http.url("_matrix", "client", "v3", "login"), JsonNode.class);
        Map<String, String> providers = new LinkedHashMap<>();
        for (JsonNode flow : reply.path("flows")) {
            for (JsonNode provider : flow.path("identity_providers")) {
                String id = provider.path("id").asText(null);
                if (id != null) {
                    providers.put(id, provider.path("name").asText(id));
                }
            }
        }
        return providers;
    }
}
