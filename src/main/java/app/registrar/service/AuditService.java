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

/** Reads and exports the signed-in server's audit log off the JavaFX thread. */
public final class AuditService {

    private final Tasks tasks;
    private final AuditTrail trail;
    private final Supplier<Optional<AuditLog>> currentLog;

    /** The log of the server {@code connection} is signed in to. */
    public AuditService(TaskExecutor executor, ConnectionService connection) {
        this(executor, connection.audit(), connection::auditLog);
    }

    /** One given log of {@code trail} (view-model tests without a server). */
    public AuditService(TaskExecutor executor, AuditTrail trail, Supplier<Optional<AuditLog>> log) {
        this.tasks = new Tasks(executor);
        this.trail = trail;
        this.currentLog = log;
    }

    public TaskExecutor executor() {
        return tasks.executor();
    }

    private AuditLog log() {
        return currentLog.get().orElseThrow(() ->
                MatrixApiException.local(ErrorCategory.TOKEN_INVALID, "not signed in"));
    }

    /** Whether this connection keeps an audit log at all (the app always does). */
    public boolean isAvailable() {
        return currentLog.get().isPresent();
    }

    /** Every entry of the server's log, newest first. */
    public BackgroundTask<List<AuditEntry>> entries() {
        return tasks.of(() -> log().read());
    }

    /** The newest {@code limit} entries about one account. */
    public BackgroundTask<List<AuditEntry>> forAccount(String userId, int limit) {
        return tasks.of(() -> currentLog.get().map(l -> l.forAccount(userId, limit)).orElse(List.of()));
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

    /** Runs {@code listener} on the worker that finished a change, each time one is recorded. */
    public void onRecorded(Consumer<AuditEntry> listener) {
        trail.onCompleted(listener);
    }

    public void removeListener(Consumer<AuditEntry> listener) {
        trail.removeListener(listener);
    }
}
