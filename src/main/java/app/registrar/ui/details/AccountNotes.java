package app.registrar.ui.details;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.Formats;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The lasting notes of the account panel: the last finished action per account, with the time it finished, kept
 * for the whole session so it is still there when the admin comes back to the account.
 */
public final class AccountNotes {

    private final Map<String, ActionNote> notes = new HashMap<>();
    private final ReadOnlyObjectWrapper<ActionNote> shown = new ReadOnlyObjectWrapper<>();
    private String userId;

    /** Shows the note of {@code id} (null: none). */
    void show(String id) {
        userId = id;
        shown.set(id == null ? null : notes.get(id));
    }

    static String now() {
        return Formats.time(Instant.now());
    }

    /** Keeps {@code text} as the account's last action, with an Undo when {@code undo} is not null. */
    public void record(String id, String text, Runnable undo) {
        ActionNote made = new ActionNote(text, undo);
        notes.put(id, made);
        if (id.equals(userId)) {
            shown.set(made);
        }
    }

    /** {@code key}'s text with the time now as its argument. */
    public void recordNow(String id, String key, Runnable undo) {
        record(id, tr(key, now()), undo);
    }

    public void recordCreated(String id) {
        recordNow(id, "note.created", null);
    }

    public void recordSaved(String id) {
        recordNow(id, "note.saved", null);
    }

    public void recordDeactivated(String id, boolean erased) {
        recordNow(id, erased ? "note.deactivated.erased" : "note.deactivated", null);
    }

    public void recordReactivated(String id) {
        recordNow(id, "note.reactivated", null);
    }

    public ReadOnlyObjectProperty<ActionNote> noteProperty() {
        return shown.getReadOnlyProperty();
    }
}
