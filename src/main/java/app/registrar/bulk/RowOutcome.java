package app.registrar.bulk;

/** What happened to one row of an import (or would happen, in a dry run). */
public enum RowOutcome {
    CREATED,
    UPDATED,
    /** The account existed and was left as it was. */
    SKIPPED_EXISTING,
    FAILED,
    /** Not sent: the row did not pass the checks. */
    INVALID,
    /** Done by an earlier, interrupted run of the same file (from the journal). */
    DONE_EARLIER,
    /** Not reached: the import was cancelled first. */
    NOT_RUN
}
