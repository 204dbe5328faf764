package app.registrar.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636, method S256): a secret {@code verifier} that stays in Registrar and its
 * hash, the {@code challenge}, that goes through the browser. Whoever intercepts the code cannot use it without
 * the verifier. {@link #toString()} hides the verifier.
 */
public record Pkce(String verifier, String challenge) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh pair: 32 random bytes (43 base64url characters) as the verifier. */
    public static Pkce generate() {
        return fromVerifier(randomUrlSafe(32));
    }

    public static Pkce fromVerifier(String verifier) {
        if (verifier.length() < 43 || verifier.length() > 128) {
            throw new IllegalArgumentException("a PKCE verifier has 43 to 128 characters");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Random URL-safe text for verifiers, {@code state} values and device IDs. */
    public static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    @Override
    public String toString() {
        return "Pkce[verifier=[redacted], challenge=" + challenge + "]";
    }
}
