package app.registrar.audit;

import app.registrar.api.HttpTransport;
import app.registrar.api.LocalState;
import app.registrar.api.MatrixApiException;
import app.registrar.api.WriteIntent;
import app.registrar.api.WriteObserver;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Where the audit logs live (one per homeserver) and the {@link WriteObserver} that fills them: every signed-in
 * change a connection sends is written to its server's log, with the admin's user ID, before it is sent.
 */
public final class AuditTrail {

    private final Path directory;
    private final Map<String, AuditLog> logs = new ConcurrentHashMap<>();
    private final List<Consumer<AuditEntry>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, AuditMirror> mirrors = new ConcurrentHashMap<>();
    private ExecutorService mirrorThread;

    private AuditTrail(Path directory) {
        this.directory = directory;
    }

    /** Logs kept in {@code directory}, one file per server. */
    public static AuditTrail in(Path directory) {
        return new AuditTrail(directory);
    }

    /** No logs at all: for tests that are not about the audit trail (the app always keeps one). */
    public static AuditTrail none() {
        return new AuditTrail(null);
    }

    /** The per-user state folder: {@code %LOCALAPPDATA%\Registrar\audit}, macOS Application Support, XDG state on Linux. */
    public static Path defaultDirectory() {
        return LocalState.folder("audit");
    }

    public boolean isEnabled() {
        return directory != null;
    }

    /** The log of the server at {@code baseUrl}, or empty when this trail keeps none. */
    public Optional<AuditLog> logFor(String baseUrl) {
        if (directory == null) {
            return Optional.empty();
        }
        return Optional.of(logs.computeIfAbsent(fileName(baseUrl), name -> new AuditLog(directory.resolve(name))));
    }

    /** {@code http://127.0.0.1:8008/} → {@code 127.0.0.1_8008.jsonl}: one file per server address. */
    static String fileName(String baseUrl) {
        String withoutScheme = baseUrl.replaceFirst("^[a-zA-Z]+://", "");
        String name = withoutScheme.replaceAll("/+$", "").replaceAll("[^A-Za-z0-9.-]", "_");
        return name + ".jsonl";
    }

    // ---- the optional mirror room ----------------------------------------------------------------------------

    private Path mirrorSwitch(String baseUrl) {
        return directory.resolve(fileName(baseUrl) + ".mirror");
    }

    /** Whether entries of this server are mirrored into its "Registrar audit" room (off unless switched on). */
    public boolean isMirrorEnabled(String baseUrl) {
        return directory != null && Files.exists(mirrorSwitch(baseUrl));
    }

    /** Switches the mirror of this server on or off; the switch is kept beside the log. */
    public void setMirrorEnabled(String baseUrl, boolean enabled) {
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            if (enabled) {
                Files.writeString(mirrorSwitch(baseUrl), "on\n");
            } else {
                Files.deleteIfExists(mirrorSwitch(baseUrl));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lets this trail mirror the server's entries through {@code unobserved} (the session's transport without the
     * audit observer); when the switch is on, catches up in the background at once.
     */
    public void attachMirror(String baseUrl, HttpTransport unobserved, String serverName, String admin) {
        Optional<AuditLog> log = logFor(baseUrl);
        if (log.isEmpty()) {
            return;
        }
        mirrors.put(fileName(baseUrl), new AuditMirror(unobserved, log.get(), serverName, admin));
        requestCatchUp(baseUrl);
    }

    /**
     * Sends the entries the room lacks, now, on the caller's thread; 0 when the mirror is off or not attached.
     * Throws when the room cannot be reached (the entries stay in the local log for the next try).
     */
    public int catchUpMirror(String baseUrl) {
        AuditMirror mirror = mirrors.get(fileName(baseUrl));
        if (mirror == null || !isMirrorEnabled(baseUrl)) {
            return 0;
        }
        return mirror.catchUp();
    }

    private synchronized void requestCatchUp(String baseUrl) {
        if (!isMirrorEnabled(baseUrl) || !mirrors.containsKey(fileName(baseUrl))) {
            return;
        }
        if (mirrorThread == null) {
            mirrorThread = Executors.newSingleThreadExecutor(work -> {
                Thread thread = new Thread(work, "registrar-audit-mirror");
                thread.setDaemon(true);
                return thread;
            });
        }
        mirrorThread.execute(() -> {
            try {
                catchUpMirror(baseUrl);
            } catch (RuntimeException e) {
                // The local log is the record; the next change or the next sign-in tries again.
                System.getLogger(AuditTrail.class.getName()).log(System.Logger.Level.INFO,
                        "the audit room could not be reached; it catches up later: " + e.getMessage());
            }
        });
    }

    /** Called, on the thread that sent the change, with each entry once its outcome is recorded. */
    public void onCompleted(Consumer<AuditEntry> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<AuditEntry> listener) {
        listeners.remove(listener);
    }

    /**
     * A read-back told the truth about a change whose answer was lost: the newest unconfirmed entry of one of
     * {@code actions} on {@code target} gets its real outcome (done, or failed when the change was not made), as a
     * later outcome line of the same entry. Nothing happens when there is no such entry.
     */
    public void settle(String baseUrl, String target, Set<String> actions, boolean happened) {
        settle(baseUrl, target, actions, happened, happened ? "confirmed by reading the account back"
                : "not made: the account read back unchanged");
    }

    /** As {@link #settle(String, String, Set, boolean)}, saying how the outcome became known. */
    public void settle(String baseUrl, String target, Set<String> actions, boolean happened, String how) {
        Optional<AuditLog> log = logFor(baseUrl);
        if (log.isEmpty()) {
            return;
        }
        Optional<AuditEntry> open = log.get().read().stream()
                .filter(e -> e.target().equals(target) && actions.contains(e.action())
                        && e.outcome() == AuditEntry.Outcome.UNCONFIRMED)
                .findFirst();
        if (open.isEmpty()) {
            return;
        }
        AuditEntry settled = log.get().complete(open.get(), happened ? AuditEntry.Outcome.DONE : AuditEntry.Outcome.FAILED,
                how);
        requestCatchUp(baseUrl);
        for (Consumer<AuditEntry> listener : listeners) {
            try {
                listener.accept(settled);
            } catch (RuntimeException ignored) {
                // as for a change just recorded: a listener never turns the record into a failure
            }
        }
    }

    /** Records the changes of {@code admin}'s session on the server at {@code baseUrl}. */
    public WriteObserver recorderFor(String baseUrl, String admin) {
        Optional<AuditLog> log = logFor(baseUrl);
        if (log.isEmpty()) {
            return WriteObserver.NONE;
        }
        return new Recorder(log.get(), admin, baseUrl);
    }

    private final class Recorder implements WriteObserver {
        private final AuditLog log;
        private final String admin;
        private final String baseUrl;

        Recorder(AuditLog log, String admin, String baseUrl) {
            this.log = log;
            this.admin = admin;
            this.baseUrl = baseUrl;
        }

        @Override
        public Pending beforeSend(String method, List<String> path, JsonNode body, String intent) {
            AuditClassifier.Classified what = AuditClassifier.classify(method, path, body, intent);
            if (what == null) {
                return null;
            }
            // A row of a bulk run says which run, so the rows of one run can be found together.
            String run = WriteIntent.currentRun();
            String details = run == null ? what.details() : what.details().isEmpty() ? run : what.details() + "; " + run;
            AuditEntry sent = log.begin(UUID.randomUUID().toString(), admin, what.action(), what.target(), details);
            return new Pending() {
                @Override
                public void done() {
                    finish(sent, AuditEntry.Outcome.DONE, null);
                }

                @Override
                public void failed(MatrixApiException error) {
                    finish(sent, AuditEntry.Outcome.FAILED, describe(error));
                }

                @Override
                public void unconfirmed(MatrixApiException error) {
                    finish(sent, AuditEntry.Outcome.UNCONFIRMED, describe(error));
                }
            };
        }

        private void finish(AuditEntry sent, AuditEntry.Outcome outcome, String error) {
            AuditEntry done;
            try {
                done = log.complete(sent, outcome, error);
            } catch (RuntimeException e) {
                // The change itself happened (or failed) already; its "sent" line stays and reads as unconfirmed.
                System.getLogger(AuditTrail.class.getName()).log(System.Logger.Level.WARNING,
                        "the outcome of a change could not be written to the audit log: " + e.getMessage());
                return;
            }
            requestCatchUp(baseUrl);
            for (Consumer<AuditEntry> listener : listeners) {
                try {
                    listener.accept(done);
                } catch (RuntimeException ignored) {
                    // a listener (the room mirror, a screen) must never turn a finished change into a failure
                }
            }
        }
    }

    /** Category, status and errcode only: the server's own text may repeat what was typed. */
    static String describe(MatrixApiException error) {
        StringBuilder text = new StringBuilder(error.category().name());
        if (error.status() > 0) {
            text.append(' ').append(error.status());
        }
        error.errcode().ifPresent(code -> text.append(' ').append(code));
        return text.toString();
    }
}
