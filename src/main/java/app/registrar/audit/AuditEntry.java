package app.registrar.audit;

import java.time.Instant;

/**
 * One change Registrar sent to a homeserver: who sent it, when, what, to which account, and how it ended.
 * {@code details} holds field names and flags only, never a password, token or other typed value.
 *
 * @param id       unique per entry; also the transaction ID of its message in the audit room
 * @param finished when the outcome was recorded, or null when none was (still running, or Registrar stopped)
 */
public record AuditEntry(String id, Instant sent, String admin, String action, String target, String details,
                         Outcome outcome, Instant finished, String error) {

    /** How a change ended, as far as Registrar knows. */
    public enum Outcome {
        /** The server answered that it made the change. */
        DONE,
        /** The server refused, or the request never left the machine. */
        FAILED,
        /** The request may have reached the server but its answer never came (or Registrar stopped first). */
        UNCONFIRMED
    }

    public AuditEntry {
        target = target == null ? "" : target;
        details = details == null ? "" : details;
        error = error == null ? "" : error;
    }

    /** The same entry with its outcome. */
    AuditEntry completed(Outcome result, Instant at, String failure) {
        return new AuditEntry(id, sent, admin, action, target, details, result, at, failure);
    }

    /** Whether the log holds no outcome for it. */
    public boolean open() {
        return finished == null;
    }
}
