package app.registrar.api;

import java.time.Duration;
import java.util.Optional;

/**
 * The one exception every homeserver call throws: HTTP status, Matrix {@code errcode}, the server's {@code error}
 * text, an optional wait from {@code Retry-After} / {@code retry_after_ms}, and a {@link ErrorCategory}.
 * Its message never contains an access token or password: everything is passed through {@link Redactor}.
 */
public final class MatrixApiException extends RuntimeException {

    private final ErrorCategory category;
    private final int status;
    private final String errcode;
    private final String serverError;
    private final Duration retryAfter;
    private final boolean softLogout;
    private final transient PresentedCertificate certificate;
    private final String file;

    MatrixApiException(ErrorCategory category, int status, String errcode, String serverError,
                       Duration retryAfter, boolean softLogout, Throwable cause) {
        this(category, status, errcode, serverError, retryAfter, softLogout, cause, null, null);
    }

    private MatrixApiException(ErrorCategory category, int status, String errcode, String serverError,
                               Duration retryAfter, boolean softLogout, Throwable cause, PresentedCertificate certificate,
                               String file) {
        super(Redactor.scrub(describe(category, status, errcode, serverError)), cause);
        this.certificate = certificate;
        this.file = file;
        this.category = category;
        this.status = status;
        this.errcode = errcode;
        this.serverError = serverError == null ? null : Redactor.scrub(serverError);
        this.retryAfter = retryAfter;
        this.softLogout = softLogout;
    }

    /** An error found on this side before or without an HTTP exchange. */
    public static MatrixApiException local(ErrorCategory category, String detail) {
        return new MatrixApiException(category, 0, null, detail, null, false, null);
    }

    /**
     * A fault on this computer ({@link ErrorCategory#isLocal()}) or a bug, keeping what caused it. {@code file} is
     * the name shown to the admin (may be null); {@code detail} is for the details section.
     */
    public static MatrixApiException local(ErrorCategory category, String file, String detail, Throwable cause) {
        return new MatrixApiException(category, 0, null, detail, null, false, cause, null, file);
    }

    static MatrixApiException transport(ErrorCategory category, String detail, Throwable cause) {
        return new MatrixApiException(category, 0, null, detail, null, false, cause);
    }

    /** A refused certificate, with what the server presented for the connect screen's question. */
    static MatrixApiException certificate(ErrorCategory category, PresentedCertificate certificate, Throwable cause) {
        return new MatrixApiException(category, 0, null, certificate.describe(), null, false, cause, certificate, null);
    }

    private static String describe(ErrorCategory category, int status, String errcode, String error) {
        StringBuilder text = new StringBuilder(category.name());
        if (status > 0) {
            text.append(" (HTTP ").append(status);
            if (errcode != null) {
                text.append(' ').append(errcode);
            }
            text.append(')');
        }
        if (error != null && !error.isBlank()) {
            text.append(": ").append(error);
        }
        return text.toString();
    }

    public ErrorCategory category() {
        return category;
    }

    /** The HTTP status, or 0 when no answer was received. */
    public int status() {
        return status;
    }

    /** The Matrix error code such as {@code M_FORBIDDEN}, when the server sent one. */
    public Optional<String> errcode() {
        return Optional.ofNullable(errcode);
    }

    /** The server's own explanation, for a details section; never the headline. */
    public Optional<String> serverError() {
        return Optional.ofNullable(serverError);
    }

    /** How long the server asked to wait before trying again. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The certificate the server presented, when the call failed because it was refused
     * ({@link ErrorCategory#CERTIFICATE_UNTRUSTED} and the other {@code CERTIFICATE_*} categories).
     */
    public Optional<PresentedCertificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    /** The file a local fault concerns, as the admin would recognise it (its name), when one is known. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** True when a 401 said {@code soft_logout}: the session can be resumed by signing in again on the same device. */
    public boolean softLogout() {
        return softLogout;
    }
}
