package app.registrar.api;

import java.security.cert.CertificateException;

/** Why {@link CertificateTrust} refused a server's certificate; {@link HttpTransport} turns it into the exception. */
final class CertificateProblem extends CertificateException {

    private final transient ErrorCategory category;
    private final transient PresentedCertificate presented;

    CertificateProblem(ErrorCategory category, PresentedCertificate presented, Throwable cause) {
        super(category.name() + ": " + presented.describe(), cause);
        this.category = category;
        this.presented = presented;
    }

    ErrorCategory category() {
        return category;
    }

    PresentedCertificate presented() {
        return presented;
    }
}
