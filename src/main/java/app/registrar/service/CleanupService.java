package app.registrar.service;

import app.registrar.api.CleanupApi.RedactStatus;
import app.registrar.api.CleanupApi.RoomMessages;
import app.registrar.api.CleanupApi;
import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Removing what an account left behind before it is deactivated, for spam and abuse (issue 14): its messages
 * (Synapse's redact task, followed through its status) and the media it uploaded, with the previews of both. Each
 * runs off the JavaFX thread like {@link AccountService}'s tasks.
 */
public final class CleanupService {

    /** How often the redact task's status is read while it runs. */
    static final long STATUS_PAUSE_MILLIS = 500;

    /**
     * What removing the messages would take: the rooms the account is in and how many messages it sent there,
     * counted up to Synapse's per-room limit ({@code atLimit}: at least one room has more than the limit).
     */
    public record MessagePreview(int rooms, long messages, boolean atLimit) { }

    private final Tasks tasks;
    private final ConnectionService connection;

    public CleanupService(TaskExecutor executor, ConnectionService connection) {
        this.tasks = new Tasks(executor, connection::reportFailure);
        this.connection = connection;
    }

    private CleanupApi api() {
        return connection.requireHomeserver().cleanup();
    }

    public TaskExecutor executor() {
        return tasks.executor();
    }

    public BackgroundTask<MessagePreview> messagePreview(String userId) {
        return tasks.of(() -> previewMessages(api(), userId));
    }

    /** Counts {@code userId}'s messages in every room it is in (see {@link MessagePreview}). */
    public static MessagePreview previewMessages(CleanupApi api, String userId) {
        List<String> rooms = api.joinedRooms(userId);
        long messages = 0;
        boolean atLimit = false;
        for (String room : rooms) {
            RoomMessages found = api.messagesIn(room, userId);
            messages += found.count();
            atLimit |= found.atLimit();
        }
        return new MessagePreview(rooms.size(), messages, atLimit);
    }

    /**
     * Redacts every message of {@code userId} in the rooms it is in, and waits for Synapse's task to finish,
     * handing each status read to {@code progress} (on the worker). Must run before deactivation: the redactions
     * are sent as the account, which has to be in the rooms.
     */
    public BackgroundTask<RedactStatus> redactMessages(String userId, Consumer<RedactStatus> progress) {
        return tasks.of(() -> api().redactEverything(userId, STATUS_PAUSE_MILLIS, progress));
    }

    /** Deletes every media file the account uploaded; answers how many. */
    public BackgroundTask<Long> deleteMedia(String userId) {
        return tasks.of(() -> api().deleteMedia(userId));
    }
}
