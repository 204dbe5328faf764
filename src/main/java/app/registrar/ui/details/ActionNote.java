package app.registrar.ui.details;

/**
 * The lasting line an account's panel shows after an action on it finished ("Password reset at 20:15 — 2 devices
 * signed out"), with the undo of a reversible action (lock, suspend, shadow-ban, admin rights), else none.
 */
public record ActionNote(String text, Runnable undo) {

    public boolean canUndo() {
        return undo != null;
    }
}
