package app.registrar.bulk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The on-disk record of an import, one line per step, written to disk before the import goes on: a row is
 * {@link State#SENDING} just before its request and done, skipped or failed after the answer. An import that was
 * interrupted (crash, sleep, quit) is resumed from it: done rows are not sent again, and a row left
 * {@link State#SENDING} is "unknown" and is looked up on the server before anything else is sent for it.
 * One journal belongs to one file's content and one homeserver; it holds user IDs and outcomes, never a password.
 */
public final class ImportJournal implements AutoCloseable {

    /** What is known about one row. */
    public enum State {
        /** The request for this row was about to be sent; its outcome is unknown until looked up. */
        SENDING,
        CREATED,
        UPDATED,
        SKIPPED,
        FAILED;

        boolean isDone() {
            return this == CREATED || this == UPDATED || this == SKIPPED;
        }
    }

    private static final String MAGIC = "registrar-import-journal 1";

    private final Path file;
    private final Map<Integer, State> states;
    private FileChannel channel;

    private ImportJournal(Path file, Map<Integer, State> states) {
        this.file = file;
        this.states = states;
    }

    /**
     * The journal of importing {@code csv} into {@code server}, read back when one exists in {@code directory}:
     * the same file content and the same server find the same journal, wherever the file was moved.
     */
    public static ImportJournal open(Path directory, Path csv, String server) throws IOException {
        Files.createDirectories(directory);
        String key = sha256(Files.readAllBytes(csv)).substring(0, 24) + "-"
                + sha256(server.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        Path file = directory.resolve("import-" + key + ".journal");
        Map<Integer, State> states = new HashMap<>();
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] parts = line.split("\t");
                // A line cut short by a crash has fewer parts or an unknown state: it is ignored.
                if (parts.length >= 3 && !line.startsWith(MAGIC)) {
                    try {
                        states.put(Integer.parseInt(parts[0]), State.valueOf(parts[1]));
                    } catch (IllegalArgumentException ignored) {
                        // a torn write
                    }
                }
            }
        }
        ImportJournal journal = new ImportJournal(file, states);
        journal.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        if (journal.channel.size() == 0) {
            journal.append(MAGIC + "\t" + server + "\n");
        } else if (!endsWithNewline(file)) {
            journal.append("\n");
        }
        return journal;
    }

    public Path file() {
        return file;
    }

    /** The last recorded state of a row, or null when the row was never started. */
    public synchronized State state(int row) {
        return states.get(row);
    }

    /** How many rows are recorded as done (created, updated, or skipped because the account existed). */
    public synchronized long doneCount() {
        return states.values().stream().filter(State::isDone).count();
    }

    public synchronized long unknownCount() {
        return states.values().stream().filter(s -> s == State.SENDING).count();
    }

    public synchronized boolean isEmpty() {
        return states.isEmpty();
    }

    /** Records a row's state and forces it to disk before returning. */
    public synchronized void record(int row, State state, String userId, String detail) throws IOException {
        String line = row + "\t" + state.name() + "\t" + userId
                + (detail == null ? "" : "\t" + detail.replace('\t', ' ').replace('\n', ' ')) + "\n";
        append(line);
        states.put(row, state);
    }

    private void append(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return all.length == 0 || all[all.length - 1] == '\n';
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    /** Where journals are kept unless the app says otherwise: the user's local application data. */
    public static Path defaultDirectory() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return Path.of(local != null ? local : home, "Registrar", "imports");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Registrar", "imports");
        }
        String state = System.getenv("XDG_STATE_HOME");
        return (state != null && !state.isBlank() ? Path.of(state) : Path.of(home, ".local", "state"))
                .resolve("registrar").resolve("imports");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
