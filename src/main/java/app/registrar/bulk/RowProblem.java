package app.registrar.bulk;

/** Why a row of an import file cannot be sent; the import dialog says it in the admin's words. */
public enum RowProblem {
    MISSING_USER_ID,
    INVALID_USER_ID,
    OTHER_SERVER,
    DUPLICATE_USER_ID,
    INVALID_EMAIL,
    ADMIN_NOT_BOOLEAN,
    INVALID_USER_TYPE,
    WEAK_PASSWORD,
    PASSWORD_TOO_LONG,
    /** Longer than the server accepts (256 characters): Synapse would refuse the whole row. */
    DISPLAY_NAME_TOO_LONG
}
