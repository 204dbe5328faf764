package app.registrar.bulk;

import app.registrar.api.LocalState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private static final String PASSWORDS = "passwords";
    private static final String CREATE = "create";

    private final Path file;
    private final Map<Integer, State> states;
    /** Rows whose last record is SENDING for a create: the account did not exist just before it was sent. */
    private final Set<Integer> sendingCreate;
    private final boolean damaged;
    private Path passwordsFile;
    private FileChannel channel;

    private ImportJournal(Path file, Map<Integer, State> states, Set<Integer> sendingCreate, boolean damaged,
                          Path passwordsFile) {
        this.file = file;
        this.states = states;
        this.sendingCreate = sendingCreate;
        this.damaged = damaged;
        this.passwordsFile = passwordsFile;
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
        Set<Integer> sendingCreate = new HashSet<>();
        boolean damaged = false;
        Path passwords = null;
        if (Files.exists(file)) {
            byte[] bytes = Files.readAllBytes(file);
            // A crash or a full disk can cut the last line short; a disk fault can leave bytes that are not text.
            damaged = bytes.length > 0 && bytes[bytes.length - 1] != '\n';
            int start = 0;
            for (int i = 0; i <= bytes.length; i++) {
                if (i < bytes.length && bytes[i] != '\n') {
                    continue;
                }
                if (i == start) {
                    start = i + 1;
                    continue;
                }
                String line = decode(bytes, start, i);
                start = i + 1;
                if (line == null) {
                    damaged = true;
                    continue;
                }
                String[] parts = line.split("\t");
                if (line.startsWith(MAGIC)) {
                    continue;
                }
                if (parts.length == 2 && parts[0].equals(PASSWORDS)) {
                    passwords = Path.of(parts[1]);
                    continue;
                }
                try {
                    if (parts.length < 3) {
                        throw new IllegalArgumentException(line);
                    }
                    int row = Integer.parseInt(parts[0]);
                    State state = State.valueOf(parts[1]);
                    states.put(row, state);
                    if (state == State.SENDING && parts.length >= 4 && parts[3].equals(CREATE)) {
                        sendingCreate.add(row);
                    } else {
                        sendingCreate.remove(row);
                    }
                } catch (IllegalArgumentException torn) {
                    damaged = true;
                }
            }
        }
        ImportJournal journal = new ImportJournal(file, states, sendingCreate, damaged, passwords);
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

    /**
     * True when the journal was cut off mid-line or held bytes or lines that are not its own: some row's last step
     * may be lost, so an existing account can no longer be proven to come from an earlier run or not.
     */
    public boolean isDamaged() {
        return damaged;
    }

    /**
     * True when the journal proves that this import sent the create of {@code row}'s account: its last record is
     * "sending the create", written only after the account was looked up and found missing.
     */
    public synchronized boolean sentCreate(int row) {
        return sendingCreate.contains(row);
    }

    /** The passwords file the last run of this import wrote to, if it recorded one. */
    public synchronized Optional<Path> passwordsFile() {
        return Optional.ofNullable(passwordsFile);
    }

    /** Notes which file receives this run's generated passwords (its path, never a password). */
    public synchronized void recordPasswordsFile(Path passwords) throws IOException {
        Path absolute = passwords.toAbsolutePath().normalize();
        append(PASSWORDS + "\t" + absolute + "\n");
        passwordsFile = absolute;
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
        if (state == State.SENDING && CREATE.equals(detail)) {
            sendingCreate.add(row);
        } else {
            sendingCreate.remove(row);
        }
    }

    private void append(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    /** One line as strict UTF-8, or null when it holds bytes that are not. */
    private static String decode(byte[] bytes, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
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
        return LocalState.folder("imports");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
