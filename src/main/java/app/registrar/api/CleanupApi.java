package app.registrar.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * Removing what an account left behind, for spam and abuse (issue 14): its messages (Synapse's redact-all task and
 * its status) and the media it uploaded, with the reads that preview both. Synapse redacts at most
 * {@link #REDACT_LIMIT} events per room per request, so the preview counts up to the same limit.
 */
public final class CleanupApi {

    /** Events per room Synapse's redact task takes when not told otherwise; the preview counts to the same. */
    public static final int REDACT_LIMIT = 1000;

    /** How Synapse's redact task stands. */
    public enum RedactState { SCHEDULED, ACTIVE, COMPLETE, FAILED }

    /**
     * @param state            where the task is
     * @param failedRedactions events the server could not redact (event ID → reason), once complete
     * @param error            why the whole task failed, when it did
     */
    public record RedactStatus(RedactState state, Map<String, String> failedRedactions, String error) {

        public RedactStatus {
            failedRedactions = Map.copyOf(failedRedactions);
        }

        public boolean finished() {
            return state == RedactState.COMPLETE || state == RedactState.FAILED;
        }
    }

    /** What a room holds of an account: its messages, counted up to {@link #REDACT_LIMIT}. */
    public record RoomMessages(String roomId, int count, boolean atLimit) { }

    private final HttpTransport http;

    public CleanupApi(HttpTransport http) {
        this.http = http;
    }

    private HttpUrl admin(String... segments) {
        String[] all = new String[segments.length + 3];
        all[0] = "_synapse";
        all[1] = "admin";
        all[2] = "v1";
        System.arraycopy(segments, 0, all, 3, segments.length);
        return http.url(all);
    }

    /** The IDs of the rooms the account is joined to. */
    public List<String> joinedRooms(String userId) {
        List<String> rooms = new ArrayList<>();
        http.get(admin("users", userId, "joined_rooms"), JsonNode.class).path("joined_rooms")
                .forEach(room -> rooms.add(room.asText()));
        return rooms;
    }

    /**
     * How many messages (plain and encrypted) {@code userId} sent in {@code roomId}, counted with the admin API's
     * room messages up to {@link #REDACT_LIMIT}: what a redaction of that room would take.
     */
    public RoomMessages messagesIn(String roomId, String userId) {
        String filter = "{\"senders\":[\"" + userId.replace("\"", "") + "\"],"
                + "\"types\":[\"m.room.message\",\"m.room.encrypted\"]}";
        int count = 0;
        String from = null;
        while (count < REDACT_LIMIT) {
            HttpUrl.Builder url = admin("rooms", roomId, "messages").newBuilder()
                    .addQueryParameter("dir", "b").addQueryParameter("limit", "500")
                    .addQueryParameter("filter", filter);
            if (from != null) {
                url.addQueryParameter("from", from);
            }
            JsonNode page = http.get(url.build(), JsonNode.class);
            count += page.path("chunk").size();
            String end = page.path("end").asText(null);
            if (end == null || end.equals(from) || page.path("chunk").isEmpty()) {
                break;
            }
            from = end;
        }
        return new RoomMessages(roomId, Math.min(count, REDACT_LIMIT), count >= REDACT_LIMIT);
    }

    /**
     * Starts Synapse's task that redacts every message of {@code userId} in {@code rooms}, sent as the account
     * itself (so it must still be in those rooms: redact before deactivating). Answers the task's ID.
     */
    public String redactMessages(String userId, List<String> rooms) {
        JsonNode reply = http.post(admin("user", userId, "redact"),
                Map.of("rooms", rooms, "limit", REDACT_LIMIT), JsonNode.class);
        String id = reply.path("redact_id").asText("");
        if (id.isEmpty()) {
            throw MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE, "the server did not start the redaction");
        }
        return id;
    }

    /**
     * Redacts every message of {@code userId} in the rooms it is in and waits for Synapse's task to finish, handing
     * each status read to {@code progress}. Must run before deactivation: the redactions are sent as the account,
     * which has to be in the rooms.
     */
    public RedactStatus redactEverything(String userId, long pauseMillis, Consumer<RedactStatus> progress) {
        List<String> rooms = joinedRooms(userId);
        if (rooms.isEmpty()) {
            return new RedactStatus(RedactState.COMPLETE, Map.of(), null);
        }
        String id = redactMessages(userId, rooms);
        while (true) {
            RedactStatus status = redactStatus(id);
            progress.accept(status);
            if (status.finished()) {
                return status;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw MatrixApiException.local(ErrorCategory.CANCELLED, "interrupted while waiting for the redaction");
            }
        }
    }

    public RedactStatus redactStatus(String redactId) {
        JsonNode reply = http.get(admin("user", "redact_status", redactId), JsonNode.class);
        RedactState state = switch (reply.path("status").asText("")) {
            case "complete" -> RedactState.COMPLETE;
            case "active" -> RedactState.ACTIVE;
            case "scheduled" -> RedactState.SCHEDULED;
            default -> RedactState.FAILED;
        };
        Map<String, String> failed = new LinkedHashMap<>();
        reply.path("failed_redactions").fields().forEachRemaining(e -> failed.put(e.getKey(), e.getValue().asText()));
        return new RedactStatus(state, failed, reply.path("error").asText(null));
    }

    /**
     * Deletes every media file {@code userId} uploaded, page by page as Synapse deletes them (100 at a time by
     * default); answers how many were deleted.
     */
    public long deleteMedia(String userId) {
        long deleted = 0;
        while (true) {
            HttpUrl url = admin("users", userId, "media").newBuilder().addQueryParameter("limit", "500").build();
            JsonNode reply = http.delete(url, JsonNode.class);
            int count = reply.path("deleted_media").size();
            deleted += count;
            if (count == 0) {
                return deleted;
            }
        }
    }
}
