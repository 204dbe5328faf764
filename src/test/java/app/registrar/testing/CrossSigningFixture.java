package app.registrar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.SignedJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;

/**
 * Plays the person's Matrix client against the real Synapse: signs in devices, uploads their encryption keys,
 * sets up a cross-signing identity and verifies chosen devices with it. Every key is a real ed25519 key pair
 * from the JDK, and the server checks each signature when it is uploaded (a bad one is refused), so a device
 * this fixture verifies is verified by the spec's rules, not by anything Registrar says.
 */
public final class CrossSigningFixture {

    /** A signed-in session of the person, with the device's own ed25519 key. */
    public record Session(String deviceId, String accessToken, KeyPair key, ObjectNode deviceKeys) { }

    /** A status and body, for requests whose refusal is what the test wants to see. */
    public record Reply(int status, JsonNode body) { }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    /** Where the person signs in (Synapse, or MAS's compatibility endpoint when MAS owns the accounts). */
    private final String loginBase;
    /** Where their client talks to the homeserver (Synapse). */
    private final String clientBase;
    private final String userId;
    private final String password;
    private KeyPair selfSigning;

    public String userId() {
        return userId;
    }

    public CrossSigningFixture(TestSynapse synapse, String userId, String password) {
        this(synapse.url().toString(), synapse.url().toString(), userId, password);
    }

    /** The person on a server whose accounts MAS owns: password sign-in through MAS, keys to Synapse. */
    public CrossSigningFixture(TestMas mas, String userId, String password) {
        this(mas.masUrl().toString(), mas.synapseUrl().toString(), userId, password);
    }

    private CrossSigningFixture(String loginBase, String clientBase, String userId, String password) {
        this.loginBase = loginBase.endsWith("/") ? loginBase : loginBase + "/";
        this.clientBase = clientBase.endsWith("/") ? clientBase : clientBase + "/";
        this.userId = userId;
        this.password = password;
    }

    /** A new device: a password sign-in as the person, as Element would do it. */
    public Session signIn(String deviceName) {
        ObjectNode body = JSON.createObjectNode().put("type", "m.login.password").put("password", password)
                .put("initial_device_display_name", deviceName);
        body.putObject("identifier").put("type", "m.id.user").put("user", userId);
        Reply reply = call(loginBase, "POST", "_matrix/client/v3/login", body, null);
        assertThat(reply.status()).as("sign in as %s: %s", userId, reply.body()).isEqualTo(200);
        return new Session(reply.body().path("device_id").asText(), reply.body().path("access_token").asText(), newKeyPair(), null);
    }

    /** Uploads the device's identity and one-time-key material, self-signed by the device key, as clients do. */
    public Session uploadDeviceKeys(Session session) {
        String publicKey = publicKey(session.key());
        ObjectNode keys = JSON.createObjectNode().put("user_id", userId).put("device_id", session.deviceId());
        keys.putArray("algorithms").add("m.olm.v1.curve25519-aes-sha2").add("m.megolm.v1.aes-sha2");
        ObjectNode keyMap = keys.putObject("keys");
        keyMap.put("ed25519:" + session.deviceId(), publicKey);
        // Olm's curve25519 key is opaque to the server; any 32 bytes serve the key query.
        keyMap.put("curve25519:" + session.deviceId(), publicKey(newKeyPair()));
        sign(keys, session.key(), session.deviceId());
        ObjectNode body = JSON.createObjectNode();
        body.set("device_keys", keys);
        Reply reply = call("POST", "_matrix/client/v3/keys/upload", body, session.accessToken());
        assertThat(reply.status()).as("device keys upload: %s", reply.body()).isEqualTo(200);
        return new Session(session.deviceId(), session.accessToken(), session.key(), keys);
    }

    /** Sets up a cross-signing identity from this session: the first one needs no password (MSC3967). */
    public void setUpCrossSigning(Session session) {
        Reply reply = uploadCrossSigningKeys(session);
        assertThat(reply.status()).as("cross-signing upload: %s", reply.body()).isEqualTo(200);
    }

    /**
     * Replaces the cross-signing identity with new keys, without interactive authentication: what Element's
     * "reset your identity" sends when the server allows it. Returns the reply, refused or not.
     */
    public Reply uploadCrossSigningKeys(Session session) {
        return uploadCrossSigningKeys(session, null);
    }

    /**
     * The same replacement, confirmed with the person's password in the interactive-auth session the server
     * opened ({@code uiaSession} from its 401 answer): what Element asks for on a server without MAS.
     */
    public Reply uploadCrossSigningKeys(Session session, String uiaSession) {
        KeyPair master = newKeyPair();
        KeyPair newSelfSigning = newKeyPair();
        KeyPair userSigning = newKeyPair();
        ObjectNode body = JSON.createObjectNode();
        body.set("master_key", crossSigningKey("master", master, null));
        body.set("self_signing_key", crossSigningKey("self_signing", newSelfSigning, master));
        body.set("user_signing_key", crossSigningKey("user_signing", userSigning, master));
        if (uiaSession != null) {
            ObjectNode auth = body.putObject("auth").put("type", "m.login.password").put("password", password)
                    .put("session", uiaSession);
            auth.putObject("identifier").put("type", "m.id.user").put("user", userId);
        }
        Reply reply = call("POST", "_matrix/client/v3/keys/device_signing/upload", body, session.accessToken());
        if (reply.status() == 200) {
            selfSigning = newSelfSigning;
        }
        return reply;
    }

    /** Verifies a device the way a verified session does: signs its keys with the self-signing key. */
    public void verify(Session signer, Session device) {
        ObjectNode signed = device.deviceKeys().deepCopy();
        signed.remove("signatures");
        sign(signed, selfSigning, publicKey(selfSigning));
        ObjectNode body = JSON.createObjectNode();
        body.putObject(userId).set(device.deviceId(), signed);
        Reply reply = call("POST", "_matrix/client/v3/keys/signatures/upload", body, signer.accessToken());
        assertThat(reply.status()).as("signature upload: %s", reply.body()).isEqualTo(200);
        assertThat(reply.body().path("failures").size()).as("the server accepted the signature: %s", reply.body()).isZero();
    }

    private ObjectNode crossSigningKey(String usage, KeyPair key, KeyPair signedBy) {
        String publicKey = publicKey(key);
        ObjectNode object = JSON.createObjectNode().put("user_id", userId);
        object.putArray("usage").add(usage);
        object.putObject("keys").put("ed25519:" + publicKey, publicKey);
        if (signedBy != null) {
            sign(object, signedBy, publicKey(signedBy));
        }
        return object;
    }

    /** Adds {@code signatures.<user>."ed25519:<keyName>"} over the object's canonical JSON. */
    private void sign(ObjectNode object, KeyPair key, String keyName) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(SignedJson.signedBytes(object));
            String signature = SignedJson.base64(signer.sign());
            ObjectNode signatures = object.has("signatures") ? (ObjectNode) object.get("signatures") : object.putObject("signatures");
            ObjectNode mine = signatures.has(userId) ? (ObjectNode) signatures.get(userId) : signatures.putObject(userId);
            mine.put("ed25519:" + keyName, signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw 32-byte public key (the end of the X.509 encoding), in unpadded base64. */
    static String publicKey(KeyPair key) {
        byte[] encoded = key.getPublic().getEncoded();
        return SignedJson.base64(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    private Reply call(String method, String path, JsonNode body, String token) {
        return call(clientBase, method, path, body, token);
    }

    private Reply call(String base, String method, String path, JsonNode body, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
