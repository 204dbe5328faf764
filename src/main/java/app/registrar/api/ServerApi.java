package app.registrar.api;

import app.registrar.model.PasswordPolicy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Finds and describes a homeserver: resolves a server name through {@code .well-known/matrix/client} as the
 * Matrix spec describes, confirms it speaks Matrix, and reads what Registrar needs to know before signing in.
 * Sends no credentials.
 */
public final class ServerApi {

    private ServerApi() {
    }

    /** Resolves the admin's input to a base URL that answers {@code /_matrix/client/versions}. */
    public static HttpUrl resolve(ServerAddress address) {
        return resolve(address, Network.standard());
    }

    /** {@link #resolve(ServerAddress)} through the given network (trust, proxy). */
    public static HttpUrl resolve(ServerAddress address, Network network) {
        HttpUrl base = address.explicitUrl();
        if (address.isServerName()) {
            base = fromWellKnown(address.serverName(), network).orElse(base);
        }
        HttpTransport http = new HttpTransport(base, network);
        JsonNode versions;
        try {
            versions = http.getPublic(http.url("_matrix", "client", "versions"), JsonNode.class);
        } catch (MatrixApiException e) {
            if (e.category() == ErrorCategory.UNEXPECTED_RESPONSE || e.category() == ErrorCategory.ENDPOINT_UNAVAILABLE
                    || e.category() == ErrorCategory.FORBIDDEN) {
                throw MatrixApiException.local(ErrorCategory.NOT_A_MATRIX_SERVER, "no Matrix homeserver answers at " + base);
            }
            throw redirectRefused(e, "/_matrix/client/versions");
        }
        if (!versions.path("versions").isArray()) {
            throw MatrixApiException.local(ErrorCategory.NOT_A_MATRIX_SERVER, "no Matrix homeserver answers at " + base);
        }
        return base;
    }

    private static Optional<HttpUrl> fromWellKnown(String serverName, Network network) {
        HttpTransport transport = new HttpTransport(HttpUrl.get("https://" + serverName), network);
        JsonNode wellKnown;
        try {
            wellKnown = transport.getPublic(transport.url(".well-known", "matrix", "client"), JsonNode.class);
        } catch (MatrixApiException e) {
            // The spec says to ignore a missing .well-known and try the name itself; any other fault is real.
            if (e.status() == 404 || e.category() == ErrorCategory.NOT_A_MATRIX_SERVER) {
                return Optional.empty();
            }
            if (e.category() == ErrorCategory.UNEXPECTED_RESPONSE) {
                boolean notJson = e.getCause() instanceof JsonProcessingException;
                throw MatrixApiException.local(ErrorCategory.NOT_A_MATRIX_SERVER, notJson
                        ? "the server's .well-known/matrix/client file is not valid JSON"
                        : "the server's .well-known/matrix/client file could not be read: " + e.serverError().orElse(""));
            }
            throw redirectRefused(e, ".well-known/matrix/client");
        }
        String baseUrl = wellKnown.path("m.homeserver").path("base_url").textValue();
        if (baseUrl == null || baseUrl.isBlank()) {
            throw MatrixApiException.local(ErrorCategory.NOT_A_MATRIX_SERVER,
                    "the server's .well-known/matrix/client file names no homeserver base_url");
        }
        HttpUrl parsed = HttpUrl.parse(baseUrl.strip());
        if (parsed == null) {
            throw MatrixApiException.local(ErrorCategory.NOT_A_MATRIX_SERVER,
                    "the server's .well-known/matrix/client file names an invalid base_url");
        }
        return Optional.of(ServerAddress.requireAllowed(ServerAddress.trimTrailingSlash(parsed)));
    }

    /**
     * A read's redirect comes back unfollowed only when it leaves https (or names no target): that is an insecure
     * address, not the "change not confirmed" a write's redirect means.
     */
    private static MatrixApiException redirectRefused(MatrixApiException e, String what) {
        if (e.category() != ErrorCategory.REDIRECTED) {
            return e;
        }
        String detail = e.serverError().orElse("");
        if (detail.contains("http://")) {
            return MatrixApiException.local(ErrorCategory.INSECURE_ADDRESS,
                    "the server's " + what + " redirects to a plain http address");
        }
        return MatrixApiException.local(ErrorCategory.NOT_A_MATRIX_SERVER, "the server's " + what + " redirects nowhere usable");
    }

    /** Reads versions, Synapse version, MAS mode, login flows and password policy from a resolved base URL. */
    public static ServerInfo describe(HttpUrl baseUrl) {
        return describe(baseUrl, Network.standard());
    }

    /** {@link #describe(HttpUrl)} through the given network (trust, proxy). */
    public static ServerInfo describe(HttpUrl baseUrl, Network network) {
        HttpTransport http = new HttpTransport(baseUrl, network);
        JsonNode versions;
        try {
            versions = http.getPublic(http.url("_matrix", "client", "versions"), JsonNode.class);
        } catch (MatrixApiException e) {
            if (e.category() == ErrorCategory.UNEXPECTED_RESPONSE || e.category() == ErrorCategory.ENDPOINT_UNAVAILABLE) {
                throw MatrixApiException.local(ErrorCategory.NOT_A_MATRIX_SERVER, "no Matrix homeserver answers at " + baseUrl);
            }
            throw e;
        }
        if (!versions.path("versions").isArray()) {
            throw MatrixApiException.local(ErrorCategory.NOT_A_MATRIX_SERVER, "no Matrix homeserver answers at " + baseUrl);
        }
        List<String> specVersions = new ArrayList<>();
        versions.path("versions").forEach(v -> specVersions.add(v.asText()));

        String serverVersion = null;
        boolean adminReachable;
        try {
            serverVersion = http.getPublic(http.url("_synapse", "admin", "v1", "server_version"), JsonNode.class)
                    .path("server_version").textValue();
            adminReachable = serverVersion != null;
        } catch (MatrixApiException e) {
            if (e.category() == ErrorCategory.NETWORK || e.category() == ErrorCategory.TIMEOUT) {
                throw e;
            }
            adminReachable = false;
        }

        boolean mas = isManagedByMas(http);
        List<String> flows = new ArrayList<>();
        try {
            http.getPublic(http.url("_matrix", "client", "v3", "login"), JsonNode.class)
                    .path("flows").forEach(flow -> flows.add(flow.path("type").asText()));
        } catch (MatrixApiException e) {
            if (e.category() == ErrorCategory.NETWORK || e.category() == ErrorCategory.TIMEOUT) {
                throw e;
            }
        }
        return new ServerInfo(baseUrl, List.copyOf(specVersions), serverVersion, adminReachable, mas,
                List.copyOf(flows), passwordPolicy(http));
    }

    private static boolean isManagedByMas(HttpTransport http) {
        try {
            http.getPublic(http.url("_matrix", "client", "v1", "auth_metadata"), JsonNode.class);
            return true;
        } catch (MatrixApiException e) {
            if (e.category() == ErrorCategory.NETWORK || e.category() == ErrorCategory.TIMEOUT) {
                throw e;
            }
            return false;
        }
    }

    /** The server's password rules; a server that does not publish them gets {@link PasswordPolicy#none()}. */
    static PasswordPolicy passwordPolicy(HttpTransport http) {
        JsonNode policy;
        try {
            policy = http.getPublic(http.url("_matrix", "client", "v3", "password_policy"), JsonNode.class);
        } catch (MatrixApiException e) {
            if (e.category() == ErrorCategory.NETWORK || e.category() == ErrorCategory.TIMEOUT) {
                throw e;
            }
            return PasswordPolicy.none();
        }
        boolean any = policy.size() > 0;
        return new PasswordPolicy(any,
                policy.path("m.minimum_length").asInt(0),
                policy.path("m.require_digit").asBoolean(false),
                policy.path("m.require_symbol").asBoolean(false),
                policy.path("m.require_lowercase").asBoolean(false),
                policy.path("m.require_uppercase").asBoolean(false));
    }
}
