package app.registrar.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, section 3: the generated-passwords file is owner-only, replaced when chosen anew, resumed only by its own import. */
class PasswordFileTest {

    @TempDir
    Path dir;

    private static String text(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void anExistingFileTheAdminChoseIsReplacedNeverAppendedToAndBecomesOwnerOnly() throws Exception {
        Path file = dir.resolve("passwords.csv");
        Files.writeString(file, "\"user_id\",\"password\"\r\n\"'@old:example.org\",\"Old-Secret-1\"\r\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (PasswordFile passwords = PasswordFile.create(file)) {
            passwords.record("@new:example.org", "New-Secret-2");
        }

        assertThat(text(file)).doesNotContain("old", "Old-Secret-1").contains("'@new:example.org", "New-Secret-2");
        assertThat(text(file)).startsWith("\"user_id\",\"password\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anExistingEmptyFileWorks() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.csv"));

        try (PasswordFile passwords = PasswordFile.create(file)) {
            passwords.record("@a:example.org", "Secret-A-1");
        }
        Path other = Files.createFile(dir.resolve("empty-too.csv"));
        try (PasswordFile passwords = PasswordFile.resume(other)) {
            passwords.record("@b:example.org", "Secret-B-1");
        }

        assertThat(text(file)).contains("Secret-A-1");
        assertThat(text(other)).startsWith("\"user_id\",\"password\"").contains("Secret-B-1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(other))).isEqualTo("rw-------");
    }

    @Test
    void onlyTheInterruptedImportsOwnFileIsGoneOnWithAnyOtherChosenFileIsReplaced() throws Exception {
        Path csv = Files.writeString(dir.resolve("in.csv"), "user_id\nalice\n");
        Path own = dir.resolve("own.csv");
        Path other = Files.writeString(dir.resolve("other.csv"), "\"user_id\",\"password\"\r\n\"'@x:e.org\",\"Kept-Before-1\"\r\n");
        try (ImportJournal journal = ImportJournal.open(dir.resolve("j"), csv, "http://127.0.0.1:1");
             PasswordFile passwords = BulkService.passwordsFor(journal, own)) {
            passwords.record("@alice:example.org", "Alice-Secret-1");
            journal.record(1, ImportJournal.State.SENDING, "@alice:example.org", "create");
        }
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rw-rw-rw-"));

        String earlier;
        try (ImportJournal journal = ImportJournal.open(dir.resolve("j"), csv, "http://127.0.0.1:1");
             PasswordFile passwords = BulkService.passwordsFor(journal, own)) {
            earlier = passwords.earlier("@alice:example.org");
        }
        try (ImportJournal journal = ImportJournal.open(dir.resolve("j"), csv, "http://127.0.0.1:1");
             PasswordFile passwords = BulkService.passwordsFor(journal, other)) {
            assertThat(passwords.earlier("@x:e.org")).isNull();
        }

        assertThat(earlier).isEqualTo("Alice-Secret-1");
        assertThat(text(own)).contains("Alice-Secret-1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(own))).isEqualTo("rw-------");
        assertThat(text(other)).doesNotContain("Kept-Before-1");
    }

    @Test
    void onWindowsTheAccessListNamesTheOwnerAlone() throws Exception {
        UserPrincipal owner = Files.getOwner(dir);

        List<AclEntry> acl = PasswordFile.ownerOnly(owner);

        assertThat(acl).hasSize(1);
        assertThat(acl.get(0).principal()).isEqualTo(owner);
        assertThat(acl.get(0).type()).isEqualTo(AclEntryType.ALLOW);
        assertThat(acl.get(0).flags()).isEmpty();
    }
}
