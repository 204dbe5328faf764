package app.registrar.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the client-server key query shows of one account's end-to-end encryption: whether the person has a
 * cross-signing identity, and for each device whether that identity's self-signing key signed it. Every
 * signature is checked here ({@link SignedJson}); nothing the server says about trust is taken on faith.
 *
 * @param identity    the person's cross-signing identity
 * @param devices     device ID → its state, for every device that uploaded encryption keys
 */
public record EncryptionState(Identity identity, Map<String, DeviceTrust> devices) {

    /** The person's cross-signing identity ("encryption identity" in Element). */
    public enum Identity {
        /** Never set up: no master key on the server. */
        NONE,
        /** A master key and a self-signing key it signed. */
        VALID,
        /** A master key, but no self-signing key with a valid signature from it: devices cannot be verified. */
        INCOMPLETE
    }

    /** One device's state as the person's other devices see it. */
    public enum DeviceTrust {
        /** Its keys carry a valid signature of the person's self-signing key. */
        VERIFIED,
        /** It uploaded keys, but the person never verified it (or verified it under an identity since reset). */
        NOT_VERIFIED,
        /** It never uploaded encryption keys (a script, a bot, an admin tool, or a client without encryption). */
        NO_KEYS
    }

    public DeviceTrust trustOf(String deviceId) {
        return devices.getOrDefault(deviceId, DeviceTrust.NO_KEYS);
    }

    /** Reads a {@code /keys/query} reply for {@code userId} and checks every signature in it. */
    public static EncryptionState fromKeyQuery(String userId, JsonNode reply) {
        JsonNode master = reply.path("master_keys").path(userId);
        JsonNode selfSigning = reply.path("self_signing_keys").path(userId);
        String masterKey = ed25519Key(master);
        String selfSigningKey = ed25519Key(selfSigning);
        Identity identity;
        if (masterKey == null) {
            identity = Identity.NONE;
        } else if (selfSigningKey != null && userId.equals(selfSigning.path("user_id").asText())
                && hasUsage(selfSigning, "self_signing") && hasUsage(master, "master")
                && SignedJson.isSignedBy(selfSigning, userId, masterKey, masterKey)) {
            identity = Identity.VALID;
        } else {
            identity = Identity.INCOMPLETE;
        }
        Map<String, DeviceTrust> devices = new LinkedHashMap<>();
        reply.path("device_keys").path(userId).fields().forEachRemaining(entry -> {
            JsonNode keys = entry.getValue();
            boolean ownsIt = entry.getKey().equals(keys.path("device_id").asText()) && userId.equals(keys.path("user_id").asText());
            boolean signed = identity == Identity.VALID && ownsIt
                    && SignedJson.isSignedBy(keys, userId, selfSigningKey, selfSigningKey);
            devices.put(entry.getKey(), signed ? DeviceTrust.VERIFIED : DeviceTrust.NOT_VERIFIED);
        });
        return new EncryptionState(identity, Map.copyOf(devices));
    }

    /** The one ed25519 public key of a cross-signing key object; its key ID is {@code ed25519:<the key itself>}. */
    private static String ed25519Key(JsonNode keyObject) {
        Iterator<Map.Entry<String, JsonNode>> keys = keyObject.path("keys").fields();
        while (keys.hasNext()) {
            Map.Entry<String, JsonNode> key = keys.next();
            if (key.getKey().startsWith("ed25519:") && key.getValue().isTextual()
                    && key.getKey().substring("ed25519:".length()).equals(key.getValue().textValue())) {
                return key.getValue().textValue();
            }
        }
        return null;
    }

    private static boolean hasUsage(JsonNode keyObject, String usage) {
        for (JsonNode u : keyObject.path("usage")) {
            if (usage.equals(u.asText())) {
                return true;
            }
        }
        return false;
    }
}
