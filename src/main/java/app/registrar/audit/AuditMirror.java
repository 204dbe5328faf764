package app.registrar.audit;

import app.registrar.api.AdminApi;
import app.registrar.api.ErrorCategory;
import app.registrar.api.HttpTransport;
import app.registrar.api.MatrixApiException;
import app.registrar.api.UserQuery;
import app.registrar.api.UserSummary;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Mirrors a server's audit log into a private "Registrar audit" room on that server, so admins on other computers
 * see each other's changes. The local log stays the record: entries the room could not take are sent later by
 * {@link #catchUp()}, oldest first, exactly once — each entry's ID is its transaction ID and part of its message,
 * the IDs sent are kept beside the log, and a catch-up first reads the room's latest messages, so an entry sent just
 * before a crash is not sent again. Sends through a transport without the audit observer: its own messages are not
 * account changes.
 */
public final class AuditMirror {

    public static final String ROOM_NAME = "Registrar audit";
    static final String ALIAS_LOCALPART = "registrar-audit";
    static final String CONTENT_KEY = "app.registrar.audit";

    private final HttpTransport http;
    private final AuditLog log;
    private final String serverName;
    private final String admin;
    private final Path sentFile;
    private final Instant started = Instant.now();
    private String roomId;

    public AuditMirror(HttpTransport unobserved, AuditLog log, String serverName, String admin) {
        this.http = unobserved;
        this.log = log;
        this.serverName = serverName;
        this.admin = admin;
        this.sentFile = log.file().resolveSibling(log.file().getFileName() + ".mirrored");
    }

    /** The room's ID, finding, joining or creating it first (only the server's admins are invited). */
    public synchronized String room() {
        if (roomId != null) {
            return roomId;
        }
        String alias = "#" + ALIAS_LOCALPART + ":" + serverName;
        String found;
        try {
            found = http.get(http.url("_matrix", "client", "v3", "directory", "room", alias), JsonNode.class)
                    .path("room_id").asText(null);
        } catch (MatrixApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            found = null;
        }
        if (found == null) {
            Map<String, Object> create = new LinkedHashMap<>();
            create.put("name", ROOM_NAME);
            create.put("topic", "Changes made with Registrar on this server, one message each. Only server admins are invited.");
            create.put("preset", "private_chat");
            create.put("visibility", "private");
            create.put("room_alias_name", ALIAS_LOCALPART);
            create.put("invite", otherAdmins());
            found = http.post(http.url("_matrix", "client", "v3", "createRoom"), create, JsonNode.class)
                    .path("room_id").asText();
        } else {
            // Another admin's computer made it; our invitation is waiting (or we are in already: join is a no-op).
            http.post(http.url("_matrix", "client", "v3", "join", found), Map.of(), JsonNode.class);
        }
        roomId = found;
        return found;
    }

    private List<String> otherAdmins() {
        List<String> admins = new ArrayList<>();
        AdminApi api = new AdminApi(http);
        UserQuery query = UserQuery.all().withAdmins(true).withGuests(false).withLimit(100);
        for (String from = null; ; ) {
            var page = api.listUsers(from == null ? query : query.withFrom(from));
            for (UserSummary user : page.users()) {
                if (!user.userId().equals(admin) && !user.deactivated()) {
                    admins.add(user.userId());
                }
            }
            from = page.nextToken();
            if (from == null || page.users().isEmpty()) {
                return admins;
            }
        }
    }

    /**
     * Sends every finished entry the room does not have yet, oldest first; entries that never got an outcome are
     * sent too once they are from before this mirror started (an earlier run that stopped). Returns how many it
     * sent. Thread-safe; concurrent calls take turns.
     */
    public synchronized int catchUp() {
        Set<String> sent = readSent();
        List<AuditEntry> pending = new ArrayList<>();
        List<AuditEntry> newestFirst = log.read();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            AuditEntry entry = newestFirst.get(i);
            boolean settled = !entry.open() || entry.sent().isBefore(started);
            if (settled && !sent.contains(entry.id())) {
                pending.add(entry);
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        String room = room();
        Set<String> inRoom = recentIds(room, pending.size() + 50);
        int count = 0;
        for (AuditEntry entry : pending) {
            if (!inRoom.contains(entry.id())) {
                http.put(http.url("_matrix", "client", "v3", "rooms", room, "send", "m.room.message", entry.id()),
                        message(entry), JsonNode.class);
                count++;
            }
            markSent(entry.id());
        }
        return count;
    }

    private Set<String> recentIds(String room, int limit) {
        Set<String> ids = new HashSet<>();
        var url = http.url("_matrix", "client", "v3", "rooms", room, "messages").newBuilder()
                .addQueryParameter("dir", "b").addQueryParameter("limit", Integer.toString(Math.min(limit, 1000))).build();
        for (JsonNode event : http.get(url, JsonNode.class).path("chunk")) {
            String id = event.path("content").path(CONTENT_KEY).path("id").asText("");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    static Map<String, Object> message(AuditEntry e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", e.id());
        fields.put("sent", e.sent().toString());
        fields.put("admin", e.admin());
        fields.put("action", e.action());
        fields.put("target", e.target());
        fields.put("details", e.details());
        fields.put("outcome", e.open() ? "NO_ANSWER_RECORDED" : e.outcome().name());
        fields.put("error", e.error());
        String text = e.admin() + " · " + e.action() + (e.target().isEmpty() ? "" : " " + e.target())
                + (e.details().isEmpty() ? "" : " (" + e.details() + ")") + " · "
                + (e.open() ? "no answer recorded" : e.outcome().name().toLowerCase(Locale.ROOT))
                + " · " + e.sent();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("msgtype", "m.notice");
        content.put("body", text);
        content.put(CONTENT_KEY, fields);
        return content;
    }

    private Set<String> readSent() {
        try {
            return Files.exists(sentFile) ? new HashSet<>(Files.readAllLines(sentFile, StandardCharsets.UTF_8)) : new HashSet<>();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void markSent(String id) {
        try (var channel = FileChannel.open(sentFile, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException e) {
            throw MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE, "the mirror's record could not be written");
        }
    }
}
