package app.registrar.ui.connect;

import app.registrar.api.ServerInfo;
import app.registrar.service.ConnectionService;
import app.registrar.service.TaskHandle;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Finds the server in the address field before Sign in is pressed (the remembered server when the screen opens, or
 * one picked from the list), while the admin types the password: discovery is several requests the server's own
 * sign-in does not need, and answering them ahead takes them off the time from the click to the account list.
 * What it finds is used only for that address and for a few minutes; a failure says nothing, since the admin did
 * not ask yet, and Sign in then finds the server itself and explains what is wrong.
 */
final class ServerLookAhead {

    /** How long what was found is trusted: a server's login flows or admin API rarely change within minutes. */
    static final Duration FRESH = Duration.ofMinutes(5);

    private final ConnectionService connection;
    private final LongSupplier clock;
    private Consumer<ServerInfo> whenFound = info -> { };
    private TaskHandle running = TaskHandle.NONE;
    /** The look under way or done last; answers of an earlier one are ignored. */
    private Object current;
    private String address;
    private ServerInfo found;
    private long foundAt;

    ServerLookAhead(ConnectionService connection) {
        this(connection, System::nanoTime);
    }

    ServerLookAhead(ConnectionService connection, LongSupplier clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /** Called on the JavaFX thread with what a look-ahead found, once found. */
    void whenFound(Consumer<ServerInfo> callback) {
        this.whenFound = callback;
    }

    /** Starts finding {@code typed} unless it is being found or was found already. */
    void look(String typed) {
        String wanted = typed == null ? "" : typed.strip();
        if (wanted.isEmpty() || wanted.equals(address)) {
            return;
        }
        forget();
        address = wanted;
        Object attempt = new Object();
        current = attempt;
        running = connection.discover(wanted)
                .onSuccess(info -> {
                    if (current == attempt) {
                        found = info;
                        foundAt = clock.getAsLong();
                        whenFound.accept(info);
                    }
                })
                .onFailure(e -> {
                    if (current == attempt) {
                        address = null;
                    }
                })
                .start();
    }

    /** What was found for {@code typed}, while fresh. */
    Optional<ServerInfo> foundFor(String typed) {
        if (found == null || typed == null || !typed.strip().equals(address)
                || clock.getAsLong() - foundAt > FRESH.toNanos()) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /**
     * What was found for {@code typed}, for Sign in; when there is none, a look still under way is stopped: Sign in
     * finds the server itself, and the look would find it a second time and have the main window built twice.
     */
    Optional<ServerInfo> useFor(String typed) {
        Optional<ServerInfo> ahead = foundFor(typed);
        if (ahead.isEmpty()) {
            forget();
        }
        return ahead;
    }

    /** Drops what was found or is being found (the server failed a sign-in, or another address was chosen). */
    void forget() {
        running.cancel();
        running = TaskHandle.NONE;
        current = null;
        address = null;
        found = null;
    }
}
