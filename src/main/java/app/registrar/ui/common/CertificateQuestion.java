package app.registrar.ui.common;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.PresentedCertificate;

/**
 * Whether to trust a server's certificate that this computer does not: what is asked, the SHA-256 fingerprint to
 * compare (shown so it can be selected and copied), the certificate's details for a folded section, and verb
 * buttons. {@code changed} marks a certificate that replaces one trusted before, shown as a warning.
 */
public record CertificateQuestion(String title, String header, String text, String fingerprintLabel, String fingerprint,
                                  String details, String actionLabel, String cancelLabel, boolean changed) {

    /** The question about {@code certificate}; {@code changed} when another one was trusted for the server before. */
    public static CertificateQuestion about(PresentedCertificate certificate, boolean changed) {
        String server = certificate.port() == 443 ? certificate.host() : certificate.hostAndPort();
        return new CertificateQuestion(
                tr("certificate.title"),
                tr(changed ? "certificate.changed.header" : "certificate.header", server),
                tr(changed ? "certificate.changed.text" : "certificate.text", server),
                tr("certificate.fingerprint"), certificate.sha256(), certificate.describe(),
                tr(changed ? "certificate.trust.changed" : "certificate.trust"), tr("certificate.cancel"), changed);
    }
}
