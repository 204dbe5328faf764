package app.registrar.bulk;

import app.registrar.api.ErrorCategory;

/**
 * The outcome of one import row, for the report.
 *
 * @param error  what went wrong, for {@link RowOutcome#FAILED}
 * @param detail for the log and the journal, not translated: the server's words, the row's {@link RowProblem}
 *               names, or how an interrupted row was found; never a password
 */
public record RowResult(int row, long line, String userId, RowOutcome outcome, ErrorCategory error, String detail) {
}
