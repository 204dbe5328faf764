package app.registrar.bulk;

import app.registrar.api.ErrorCategory;

/**
 * What a bulk action did to one account.
 *
 * @param error  what went wrong, for {@link Outcome#FAILED} and {@link Outcome#UNKNOWN}
 * @param detail the server's words, when it gave any
 */
public record BulkResult(String userId, Outcome outcome, ErrorCategory error, String detail) {

    /** The outcome for one account. */
    public enum Outcome {
        DONE,
        /** The account was already in that state; nothing was sent. */
        ALREADY,
        /** The signed-in admin's own account: never deactivated or locked from a bulk action. */
        SKIPPED_OWN_ACCOUNT,
        FAILED,
        /** The answer was lost and reading the account back did not tell; the request is never sent again by itself. */
        UNKNOWN,
        /** Not reached: the action was cancelled first. */
        NOT_RUN
    }
}
