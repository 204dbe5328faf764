package app.registrar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test Synapse's own SQLite database ({@code target/synapse/homeserver.db}), read with Python's {@code sqlite3}
 * (which every machine that runs the tests has, as Synapse needs it): counts made here do not go through any of
 * Registrar's code, so they check Registrar's numbers independently. Writes are for what no API can do, such as
 * dating an account's creation or last connection back.
 */
public final class SynapseDatabase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUNNER = """
            import json, sqlite3, sys
            db = sqlite3.connect(sys.argv[1], timeout=60)
            rows = db.execute(sys.argv[2], json.loads(sys.argv[3])).fetchall()
            db.commit()
            print(json.dumps(rows))
            """;

    private final Path file;

    private SynapseDatabase(Path file) {
        this.file = file;
    }

    /** The database of the Synapse that {@code scripts/synapse.sh} runs for this checkout. */
    public static SynapseDatabase ofTestServer() {
        String dir = System.getenv("SYNAPSE_DIR");
        Path base = dir == null || dir.isBlank() ? SynapseExtension.projectDir().resolve("target/synapse") : Path.of(dir);
        Path db = base.resolve("homeserver.db");
        if (!Files.isRegularFile(db)) {
            throw new IllegalStateException("The test Synapse keeps no SQLite database at " + db);
        }
        return new SynapseDatabase(db);
    }

    /** The rows of a query, each a JSON array of its columns; {@code ?} placeholders take {@code params}. */
    public JsonNode query(String sql, Object... params) {
        try {
            String python = System.getenv().getOrDefault("PYTHON", "python3");
            Process process = new ProcessBuilder(List.of(python, "-c", RUNNER, file.toString(), sql,
                    JSON.writeValueAsString(params))).redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("SQL on " + file + " failed: " + sql + "\n" + err);
            }
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new IllegalStateException("python3 could not be run to read the test Synapse's database", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Dates an account back: created at {@code createdMillis} and, unless {@code lastSeenMillis} is null, last seen
     * then from a device of its own. The device row is what keeps it: Synapse prunes connections older than 28 days
     * from {@code user_ips} every minute, but keeps each device's last-seen time.
     */
    public void backdate(String userId, long createdMillis, Long lastSeenMillis) {
        query("UPDATE users SET creation_ts = ? WHERE name = ?", createdMillis / 1000, userId);
        if (lastSeenMillis != null) {
            query("INSERT INTO devices (user_id, device_id, display_name, last_seen, ip, user_agent, hidden)"
                    + " VALUES (?, 'BACKDATED', 'Backdated by a test', ?, '127.0.0.1', 'Registrar tests', 0)",
                    userId, lastSeenMillis);
        }
    }

    /** The single number a counting query answers. */
    public long count(String sql, Object... params) {
        JsonNode rows = query(sql, params);
        return rows.path(0).path(0).asLong();
    }
}
