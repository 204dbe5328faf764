package app.registrar.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The certificate a server presented when Registrar refused it, in plain strings the connect screen can show:
 * where it came from, whom it names, who signed it, when it is valid, and its SHA-256 fingerprint
 * ({@code AB:CD:…}, the same as {@code openssl x509 -noout -fingerprint -sha256}). {@code pinnedSha256} is the
 * fingerprint the admin trusted earlier for this host, when the server now presents another one.
 */
public record PresentedCertificate(String host, int port, String sha256, String subject, String issuer,
                                   Instant notBefore, Instant notAfter, String pinnedSha256) {

    static PresentedCertificate of(String host, int port, X509Certificate certificate, String pinnedSha256) {
        return new PresentedCertificate(host, port, fingerprint(certificate),
                certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), pinnedSha256);
    }

    /** The SHA-256 fingerprint of the certificate's DER encoding, as colon-separated upper-case hex pairs. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return format(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("the certificate cannot be fingerprinted", e);
        }
    }

    static String format(byte[] digest) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    /** {@code host:port}, with an IPv6 address in brackets. */
    public String hostAndPort() {
        return hostAndPort(host, port);
    }

    static String hostAndPort(String host, int port) {
        String shown = host != null && host.contains(":") ? "[" + host + "]" : host;
        return shown + ":" + port;
    }

    /** True when the admin had trusted another certificate for this host. */
    public boolean replacesPinned() {
        return pinnedSha256 != null;
    }

    /** Several lines for a details section or a support request. */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append("Server: ").append(hostAndPort()).append('\n')
                .append("Subject: ").append(subject).append('\n')
                .append("Issuer: ").append(issuer).append('\n')
                .append("Valid from ").append(notBefore).append(" until ").append(notAfter).append('\n')
                .append("SHA-256: ").append(sha256);
        if (pinnedSha256 != null) {
            text.append('\n').append("Trusted before: ").append(pinnedSha256);
        }
        return text.toString();
    }

    /** Normalises a fingerprint the admin may have pasted ({@code ab cd …}, {@code abcd…}) to {@code AB:CD:…}. */
    public static String normalizeFingerprint(String text) {
        String hex = text == null ? "" : text.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint: 64 hexadecimal digits expected");
        }
        return format(HexFormat.of().parseHex(hex));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
