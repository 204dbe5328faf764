package app.registrar.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * End-to-end encryption as an admin can see it: the person's public keys through the client-server key query
 * (read with the admin's own token, never by signing in as the person) and the admin's permission to let a
 * person replace their cross-signing identity without confirming it with a password.
 */
public final class EncryptionApi {

    private final HttpTransport http;

    public EncryptionApi(HttpTransport http) {
        this.http = http;
    }

    /** The account's cross-signing identity and the verification state of each device that has keys. */
    public EncryptionState encryptionState(String userId) {
        JsonNode reply = http.post(http.url("_matrix", "client", "v3", "keys", "query"),
                Map.of("device_keys", Map.of(userId, List.of())), JsonNode.class);
        return EncryptionState.fromKeyQuery(userId, reply);
    }

    /**
     * Lets the person replace their cross-signing keys without interactive authentication until the returned
     * moment (Synapse allows ten minutes). Fails with {@link ErrorCategory#NOT_FOUND} when the person has no
     * cross-signing identity to replace.
     */
    public Instant allowCrossSigningReset(String userId) {
        JsonNode reply = http.post(http.url("_synapse", "admin", "v1", "users", userId,
                "_allow_cross_signing_replacement_without_uia"), Map.of(), JsonNode.class);
        JsonNode until = reply.path("updatable_without_uia_before_ms");
        if (!until.isNumber()) {
            throw MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE, "the server did not say until when the reset is allowed");
        }
        return Instant.ofEpochMilli(until.asLong());
    }
}
