package app.registrar.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

/**
 * Matrix's signed JSON (spec: appendices, "Signing JSON"): canonical JSON and ed25519 signatures in unpadded
 * base64, checked with the JDK's own Ed25519 so Registrar decides "verified" itself instead of trusting a flag.
 */
public final class SignedJson {

    /** The DER header of an X.509 SubjectPublicKeyInfo for a raw 32-byte Ed25519 key (RFC 8410). */
    private static final byte[] ED25519_X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private SignedJson() {
    }

    /** The object without {@code signatures} and {@code unsigned}, as canonical JSON in UTF-8: what is signed. */
    public static byte[] signedBytes(JsonNode object) {
        ObjectNode copy = ((ObjectNode) object).deepCopy();
        copy.remove("signatures");
        copy.remove("unsigned");
        return canonical(copy).getBytes(StandardCharsets.UTF_8);
    }

    /** Canonical JSON: keys sorted by code point, no insignificant whitespace, strings minimally escaped. */
    public static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(SignedJson::compareCodePoints);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(names.get(i), out);
                out.append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> items = node.elements();
            boolean first = true;
            while (items.hasNext()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(items.next(), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else {
            // Booleans and integers; canonical JSON has no fractions (the spec forbids them in signed objects).
            out.append(node.asText());
        }
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Unpadded base64, as Matrix writes keys and signatures. */
    public static String base64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether {@code object} carries a valid signature by {@code signer}'s ed25519 key {@code publicKey}
     * (unpadded base64), under {@code signatures.<signer>."ed25519:<keyName>"}.
     */
    public static boolean isSignedBy(JsonNode object, String signer, String keyName, String publicKey) {
        JsonNode signature = object.path("signatures").path(signer).path("ed25519:" + keyName);
        if (!signature.isTextual() || publicKey == null) {
            return false;
        }
        return verify(publicKey, signature.textValue(), signedBytes(object));
    }

    /** Checks one ed25519 signature; anything malformed counts as not signed. */
    public static boolean verify(String publicKeyBase64, String signatureBase64, byte[] message) {
        try {
            byte[] raw = Base64.getDecoder().decode(publicKeyBase64);
            byte[] signature = Base64.getDecoder().decode(signatureBase64);
            if (raw.length != 32 || signature.length != 64) {
                return false;
            }
            byte[] der = new byte[ED25519_X509_PREFIX.length + raw.length];
            System.arraycopy(ED25519_X509_PREFIX, 0, der, 0, ED25519_X509_PREFIX.length);
            System.arraycopy(raw, 0, der, ED25519_X509_PREFIX.length, raw.length);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(key);
            check.update(message);
            return check.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
