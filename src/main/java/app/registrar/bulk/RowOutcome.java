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
    NOT_RUN,
    /**
     * The account exists, but nothing proves whether this import created it (an earlier run's journal was damaged
     * or its last step for the row was not a create): never reported as "already existed".
     */
    EXISTS_ORIGIN_UNKNOWN,
    /** The create was sent but its answer was lost and the account could not be read back: look again later. */
    UNCONFIRMED;

    /** Outcomes the admin has to look at, listed row by row in the report. */
    public boolean needsAttention() {
        return this == FAILED || this == INVALID || this == EXISTS_ORIGIN_UNKNOWN || this == UNCONFIRMED;
    }
}
