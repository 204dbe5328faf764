package app.registrar.api;

/**
 * What went wrong with a homeserver call, in the terms an admin can act on. The UI turns each category into one
 * plain sentence with a next step; the raw Matrix {@code errcode} stays in the exception for the details section.
 */
public enum ErrorCategory {
    /** The signed-in account is not a server admin (403 M_FORBIDDEN on an admin endpoint). */
    NOT_ADMIN,
    /** Login was refused: wrong user name or password (403 M_FORBIDDEN on login). */
    WRONG_CREDENTIALS,
    /** The access token is no longer accepted (401 M_UNKNOWN_TOKEN / M_MISSING_TOKEN); sign in again. */
    TOKEN_INVALID,
    /**
     * Matrix Authentication Service did not give the signed-in person admin rights: the account may not request
     * them ({@code can_request_admin}), or the admin pressed Cancel on MAS's page.
     */
    MAS_NOT_ADMIN,
    /** A client signing in with its ID and secret is not one MAS lets ask for admin rights ({@code admin_clients}). */
    MAS_CLIENT_NOT_ADMIN,
    /** MAS answers, but its admin API is not switched on ({@code adminapi} missing from its listeners). */
    MAS_ADMIN_API_DISABLED,
    /**
     * Signed in to MAS as a configured client (ID and secret): its token opens MAS's admin API only, so what Synapse
     * keeps (profile, picture, rooms, encryption, shadow-ban) cannot be read or changed in this session.
     */
    MAS_CLIENT_ONLY,
    /** MAS refused a new password as too easy to guess (its zxcvbn complexity rule). */
    PASSWORD_TOO_WEAK,
    /** The account is deactivated (403 M_USER_DEACTIVATED). */
    ACCOUNT_DEACTIVATED,
    /** The account is locked (401 M_USER_LOCKED). */
    ACCOUNT_LOCKED,
    /** Some other refusal (403) the server explained in its own words. */
    FORBIDDEN,
    /** The account, device or token asked for does not exist (404 M_NOT_FOUND). */
    NOT_FOUND,
    /** The server does not offer this endpoint: an old Synapse, a worker, or Matrix Authentication Service. */
    ENDPOINT_UNAVAILABLE,
    /** Something answered, but not Synapse's admin API: HTML or non-JSON, typically from a reverse proxy. */
    ADMIN_API_UNREACHABLE,
    /** The address answered, but not as a Matrix homeserver. */
    NOT_A_MATRIX_SERVER,
    /** Too many requests; {@link MatrixApiException#retryAfter()} says how long to wait when the server said so. */
    RATE_LIMITED,
    /** The name or identifier is already taken (400 M_USER_IN_USE, 409). */
    CONFLICT,
    /** The server rejected what was sent (400). */
    INVALID_INPUT,
    /**
     * The account was created, but a later step of creating it (emails, SSO links, admin right, profile) failed:
     * the account exists without that part. Servers whose account API takes the parts one by one (MAS) can end so.
     */
    CREATED_INCOMPLETE,
    /** The server does not manage passwords here (SSO/LDAP only): 403 "Password change disabled". */
    PASSWORDS_MANAGED_ELSEWHERE,
    /** The server failed (5xx). */
    SERVER_ERROR,
    /** A write was answered with a redirect; it is never followed, because the outcome would be unknown. */
    REDIRECTED,
    /** The address is not allowed: plain http to anything but this computer. */
    INSECURE_ADDRESS,
    /**
     * The server's certificate is not signed by an authority this computer trusts (self-signed, a private CA);
     * {@link MatrixApiException#certificate()} carries it, so the admin can choose to trust exactly this one.
     */
    CERTIFICATE_UNTRUSTED,
    /** The server presents another certificate than the one the admin trusted for it before. */
    CERTIFICATE_CHANGED,
    /** The server's certificate has expired or is not valid yet; refused even when trusted before. */
    CERTIFICATE_EXPIRED,
    /** The server's certificate is made out for another name; refused even when trusted before. */
    CERTIFICATE_WRONG_HOST,
    /** The proxy asked for a user name and password, and none it accepted was given. */
    PROXY_AUTHENTICATION,
    /** The server could not be reached or the connection broke. */
    NETWORK,
    /** The server did not answer in time. */
    TIMEOUT,
    /** The call was cancelled by the admin. */
    CANCELLED,
    /** The reply could not be understood. */
    UNEXPECTED_RESPONSE,

    // ---- faults on this computer, not the homeserver's (MatrixApiException#file() names the file) ----------

    /** The chosen file holds nothing at all. */
    FILE_EMPTY,
    /** The file names its columns but holds no rows. */
    FILE_NO_ROWS,
    /** The file is not text (a spreadsheet workbook, a picture, an archive): not a CSV file. */
    FILE_NOT_CSV,
    /** The file is text, but neither UTF-8 nor marked with a byte-order mark: it must be saved as CSV UTF-8. */
    FILE_NOT_UTF8,
    /** The file is text but not laid out as the import expects (no user_id column, a broken quote). */
    FILE_FORMAT,
    /** The file or its folder does not exist (any more). */
    FILE_NOT_FOUND,
    /** This computer's user may not read or write the file. */
    FILE_ACCESS_DENIED,
    /** The disk is full: the file could not be written. */
    DISK_FULL,
    /** Reading or writing the file failed for another reason the operating system gave. */
    FILE_UNREADABLE,
    /** A bug in Registrar: nothing the admin did or could fix. */
    INTERNAL_ERROR;

    /** True for faults on this computer: nothing was sent to the homeserver because of them. */
    public boolean isLocal() {
        return ordinal() >= FILE_EMPTY.ordinal();
    }
}
