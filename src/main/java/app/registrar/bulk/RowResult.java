package app.registrar.bulk;

import app.registrar.api.ErrorCategory;

/**
 * The outcome of one import row, for the report.
 *
 * @param error  what went wrong, for {@link RowOutcome#FAILED}
 * @param detail the server's words or the row's problems, never a password
 */
public record RowResult(int row, long line, String userId, RowOutcome outcome, ErrorCategory error, String detail) {
}
