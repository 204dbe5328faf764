package app.registrar.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log of one homeserver: an append-only file of JSON lines, each forced to disk before the call returns.
 * A change writes a "sent" line before it leaves the machine and an "outcome" line after, so a crash at any moment
 * leaves a line for every request that left; a "sent" line without its outcome reads as {@link
 * AuditEntry.Outcome#UNCONFIRMED}. Thread-safe; lines are small single writes to a file opened for appending.
 */
public final class AuditLog {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path file;

    AuditLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Records that a change is about to be sent, on disk before this returns. */
    public AuditEntry begin(String id, String admin, String action, String target, String details) {
        AuditEntry entry = new AuditEntry(id, Instant.now(), admin, action, target, details, null, null, null);
        ObjectNode line = MAPPER.createObjectNode();
        line.put("id", id);
        line.put("sent", entry.sent().toString());
        line.put("admin", admin);
        line.put("action", action);
        line.put("target", entry.target());
        line.put("details", entry.details());
        append(line);
        return entry;
    }

    /** Records how a change ended, on disk before this returns. */
    public AuditEntry complete(AuditEntry entry, AuditEntry.Outcome outcome, String error) {
        AuditEntry done = entry.completed(outcome, Instant.now(), error);
        ObjectNode line = MAPPER.createObjectNode();
        line.put("id", entry.id());
        line.put("finished", done.finished().toString());
        line.put("outcome", outcome.name());
        if (!done.error().isEmpty()) {
            line.put("error", done.error());
        }
        append(line);
        return done;
    }

    private synchronized void append(ObjectNode line) {
        try {
            Files.createDirectories(file.getParent());
            byte[] bytes = (MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // The point of the log: the line is on the disk before the request may leave the machine.
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the audit log " + file + " could not be written", e);
        }
    }

    /** Every entry, newest first. A line that cannot be read (cut by a crash mid-write) is skipped. */
    public List<AuditEntry> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<String, AuditEntry> entries = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                JsonNode line;
                try {
                    line = MAPPER.readTree(text);
                } catch (IOException unreadable) {
                    continue;
                }
                String id = line.path("id").asText("");
                if (id.isEmpty()) {
                    continue;
                }
                if (line.has("sent")) {
                    entries.put(id, new AuditEntry(id, Instant.parse(line.path("sent").asText()),
                            line.path("admin").asText(""), line.path("action").asText(""), line.path("target").asText(""),
                            line.path("details").asText(""), AuditEntry.Outcome.UNCONFIRMED, null, null));
                } else if (line.has("outcome") && entries.containsKey(id)) {
                    entries.computeIfPresent(id, (key, sent) -> sent.completed(
                            AuditEntry.Outcome.valueOf(line.path("outcome").asText()),
                            Instant.parse(line.path("finished").asText()), line.path("error").asText("")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the audit log " + file + " could not be read", e);
        }
        List<AuditEntry> newestFirst = new ArrayList<>(entries.values());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The newest {@code limit} entries about one account. */
    public List<AuditEntry> forAccount(String userId, int limit) {
        return read().stream().filter(e -> e.target().equals(userId)).limit(limit).toList();
    }
}
