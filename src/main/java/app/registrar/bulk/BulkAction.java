package app.registrar.bulk;

/** What can be done to many selected accounts at once. */
public enum BulkAction {
    DEACTIVATE,
    /** Deactivate and erase (GDPR): name and avatar removed, messages hidden from people who join later. Irreversible. */
    DEACTIVATE_AND_ERASE,
    /** With a new generated password each where the server manages passwords (written to the chosen file). */
    REACTIVATE,
    LOCK,
    UNLOCK;

    public boolean isDestructive() {
        return this == DEACTIVATE || this == DEACTIVATE_AND_ERASE;
    }
}
