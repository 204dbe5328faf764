package app.registrar.bulk;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one file, chosen by the admin, where generated passwords are written ({@code user_id,password}), each once,
 * and forced to disk before the account is created with it, so no account ends up with a password nobody has.
 * It is readable by its owner only (POSIX 0600, or a Windows access-control list for the owner alone). User IDs are written neutralised for
 * spreadsheets ({@code '@alice:example.org}). Passwords go nowhere else: not to the
 * journal, not to a log, not to the report.
 */
public final class PasswordFile implements AutoCloseable {

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS).build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");

    private final Path file;
    private final FileChannel channel;
    private final SequenceWriter rows;
    private final Map<String, String> earlier;

    private PasswordFile(Path file, FileChannel channel, SequenceWriter rows, Map<String, String> earlier) {
        this.file = file;
        this.channel = channel;
        this.rows = rows;
        this.earlier = earlier;
    }

    /**
     * Starts the file afresh: an existing file the admin chose (the save dialog asked before replacing it), empty or
     * not, is replaced, never appended to, and the new one is readable by its owner only.
     */
    public static PasswordFile create(Path file) throws IOException {
        Files.deleteIfExists(file);
        createPrivate(file);
        return open(file, Map.of());
    }

    /**
     * Goes on writing the file of an interrupted import that is being resumed: the passwords it already holds are
     * read back first, so an account created just before the interruption keeps the password written for it.
     * The file is made owner-only again, in case it was copied or its rights were changed meanwhile.
     */
    public static PasswordFile resume(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return create(file);
        }
        restrictToOwner(file);
        Map<String, String> earlier = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<String[]> lines = MAPPER.readerFor(String[].class)
                     .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES)
                     .readValues(reader)) {
            while (lines.hasNext()) {
                String[] cells = lines.next();
                String userId = cells.length >= 2 ? CsvCells.restore(cells[0]) : "";
                if (userId.startsWith("@")) {
                    earlier.put(userId, cells[1]);
                }
            }
        }
        return open(file, earlier);
    }

    private static PasswordFile open(Path file, Map<String, String> earlier) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        OutputStream stream = Channels.newOutputStream(channel);
        Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        SequenceWriter rows = MAPPER.writer(SCHEMA).writeValues(writer);
        PasswordFile passwords = new PasswordFile(file, channel, rows, new HashMap<>(earlier));
        if (earlier.isEmpty() && channel.size() == 0) {
            passwords.write("user_id", "password");
        }
        return passwords;
    }

    private static void createPrivate(Path file) throws IOException {
        try {
            Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        restrictToOwner(file);
    }

    /**
     * Owner-only on every system: POSIX mode 0600 (the umask cannot widen it); on Windows an access-control list
     * with one entry, for the file's owner, replacing the entries inherited from the folder.
     */
    static void restrictToOwner(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("rw-------"));
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl != null) {
            acl.setAcl(ownerOnly(acl.getOwner()));
        }
    }

    /** The access-control list that lets only {@code owner} in: everything for them, nothing for anyone else. */
    static List<AclEntry> ownerOnly(UserPrincipal owner) {
        return List.of(AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build());
    }

    public Path file() {
        return file;
    }

    /** The password written for this account by an earlier, interrupted run, if any. */
    public synchronized String earlier(String userId) {
        return earlier.get(userId);
    }

    /** Writes one account's password and forces it to disk. */
    public synchronized void record(String userId, String password) throws IOException {
        // The ID is neutralised for spreadsheets; generated passwords never start like a formula (CsvImporter).
        write(CsvCells.neutralise(userId), password);
        earlier.put(userId, password);
    }

    private void write(String first, String second) throws IOException {
        rows.write(List.of(first, second));
        rows.flush();
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        rows.close();
    }

    @Override
    public String toString() {
        return "PasswordFile[" + file + "]";
    }
}
