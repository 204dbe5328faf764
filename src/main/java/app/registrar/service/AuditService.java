package app.registrar.service;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.audit.AuditCsv;
import app.registrar.audit.AuditEntry;
import app.registrar.audit.AuditLog;
import app.registrar.audit.AuditTrail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Reads and exports the signed-in server's audit log, and switches its mirror room, off the JavaFX thread. */
public final class AuditService {

    private final Tasks tasks;
    private final AuditTrail trail;
    private final Supplier<Optional<String>> server;

    /** The log of the server {@code connection} is signed in to. */
    public AuditService(TaskExecutor executor, ConnectionService connection) {
        this(executor, connection.audit(), () -> connection.homeserver().map(h -> h.baseUrl().toString()));
    }

    /** The log of {@code trail} for the server address {@code server} gives (view-model tests without a server). */
    public AuditService(TaskExecutor executor, AuditTrail trail, Supplier<Optional<String>> server) {
        this.tasks = new Tasks(executor);
        this.trail = trail;
        this.server = server;
    }

    public TaskExecutor executor() {
        return tasks.executor();
    }

    private Optional<AuditLog> currentLog() {
        return server.get().flatMap(trail::logFor);
    }

    private AuditLog log() {
        return currentLog().orElseThrow(() -> MatrixApiException.local(ErrorCategory.TOKEN_INVALID, "not signed in"));
    }

    /** Whether this connection keeps an audit log at all (the app always does). */
    public boolean isAvailable() {
        return currentLog().isPresent();
    }

    /** Every entry of the server's log, newest first. */
    public BackgroundTask<List<AuditEntry>> entries() {
        return tasks.of(() -> log().read());
    }

    /** The newest {@code limit} entries about one account. */
    public BackgroundTask<List<AuditEntry>> forAccount(String userId, int limit) {
        return tasks.of(() -> currentLog().map(l -> l.forAccount(userId, limit)).orElse(List.of()));
    }

    public BackgroundTask<Void> export(List<AuditEntry> entries, Path target) {
        List<AuditEntry> copy = List.copyOf(entries);
        return tasks.run(() -> {
            try {
                AuditCsv.write(copy, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Whether this server's entries are mirrored into its audit room. */
    public boolean isMirrorEnabled() {
        return server.get().map(trail::isMirrorEnabled).orElse(false);
    }

    /** Switches the mirror on or off; switching on sends what the room lacks and says how many were sent. */
    public BackgroundTask<Integer> setMirrorEnabled(boolean enabled) {
        String base = server.get().orElseThrow(() -> MatrixApiException.local(ErrorCategory.TOKEN_INVALID, "not signed in"));
        return tasks.of(() -> {
            trail.setMirrorEnabled(base, enabled);
            return enabled ? trail.catchUpMirror(base) : 0;
        });
    }

    /** Runs {@code listener} on the worker that finished a change, each time one is recorded. */
    public void onRecorded(Consumer<AuditEntry> listener) {
        trail.onCompleted(listener);
    }

    public void removeListener(Consumer<AuditEntry> listener) {
        trail.removeListener(listener);
    }
}
