package app.registrar.api;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the app keeps what it writes for itself (the audit logs, the import journals): the user's local state
 * folder of each system, so it survives restarts and is not synced between machines.
 */
public final class LocalState {

    private LocalState() {
    }

    /**
     * {@code %LOCALAPPDATA%\Registrar\<name>} on Windows, {@code ~/Library/Application Support/Registrar/<name>} on
     * macOS, {@code $XDG_STATE_HOME/registrar/<name>} (or {@code ~/.local/state/registrar/<name>}) elsewhere.
     */
    public static Path folder(String name) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return Path.of(local != null ? local : home, "Registrar", name);
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Registrar", name);
        }
        String state = System.getenv("XDG_STATE_HOME");
        return (state != null && !state.isBlank() ? Path.of(state) : Path.of(home, ".local", "state"))
                .resolve("registrar").resolve(name);
    }
}
