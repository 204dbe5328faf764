package app.registrar.ui.common;

/**
 * Whether to trust a server's certificate that this computer does not: what is asked, the SHA-256 fingerprint to
 * compare (shown so it can be selected and copied), the certificate's details for a folded section, and verb
 * buttons. {@code changed} marks a certificate that replaces one trusted before, shown as a warning.
 */
public record CertificateQuestion(String title, String header, String text, String fingerprintLabel, String fingerprint,
                                  String details, String actionLabel, String cancelLabel, boolean changed) {
}
