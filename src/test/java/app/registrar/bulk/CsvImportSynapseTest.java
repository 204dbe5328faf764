package app.registrar.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.registrar.api.Homeserver;
import app.registrar.api.Threepid;
import app.registrar.api.UserDetails;
import app.registrar.api.UserUpdate;
import app.registrar.model.PasswordPolicy;
import app.registrar.testing.SynapseAdmin;
import app.registrar.testing.SynapseExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Importing accounts from CSV against the real Synapse: preview, dry run, run, journal and resume. */
@ExtendWith(SynapseExtension.class)
class CsvImportSynapseTest {

    @RegisterExtension
    final SynapseAdmin server = new SynapseAdmin("imp");

    /** The test server's rules (scripts/synapse.sh). */
    static final PasswordPolicy POLICY = new PasswordPolicy(true, 10, true, true, true, true);

    @TempDir
    Path dir;

    private Path csv(String... lines) throws IOException {
        Path file = dir.resolve(server.prefix() + ".csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    private ImportPreview preview(Path file) throws IOException {
        return ImportFile.read(file, server.synapse().serverName(), POLICY);
    }

    private Map<String, String> passwords(Path file) throws IOException {
        return CsvExportSynapseTest.readCsv(file).stream().skip(1)
                .collect(Collectors.toMap(r -> CsvCells.restore(r[0]), r -> r[1]));
    }

    private boolean canSignIn(String userId, String password) {
        try {
            new Homeserver(server.synapse().url()).auth().loginWithPassword(userId, password);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void previewChecksEveryRowAndSendsNothing() throws Exception {
        Path file = csv("User_ID;Display Name;Email;Password;Admin;User_Type",
                server.prefix() + "-ok;Ok Person;ok@example.org;;yes;",
                "@" + server.prefix() + "-full:" + server.synapse().serverName() + ";Full;;Strong-Pass-123;0;bot",
                ";No Id;;;;",
                server.prefix() + "-bad name;Bad;;;;",
                "@" + server.prefix() + "-elsewhere:other.example;Other;;;;",
                server.prefix() + "-ok;Again;;;;",
                server.prefix() + "-mail;Mail;not-an-email;;;",
                server.prefix() + "-admin;Admin;;;maybe;",
                server.prefix() + "-type;Type;;;;robot",
                server.prefix() + "-weak;Weak;;short;;",
                "'=" + server.prefix() + "-formula;'=SUM(A1);;;false;");

        ImportPreview preview = preview(file);

        assertThat(preview.delimiter()).isEqualTo(';');
        assertThat(preview.rows()).extracting(ImportRow::problems).containsExactly(
                List.of(), List.of(), List.of(RowProblem.MISSING_USER_ID), List.of(RowProblem.INVALID_USER_ID),
                List.of(RowProblem.OTHER_SERVER), List.of(RowProblem.DUPLICATE_USER_ID),
                List.of(RowProblem.INVALID_EMAIL), List.of(RowProblem.ADMIN_NOT_BOOLEAN),
                List.of(RowProblem.INVALID_USER_TYPE), List.of(RowProblem.WEAK_PASSWORD), List.of());
        ImportRow ok = preview.rows().get(0);
        assertThat(ok.userId()).isEqualTo(server.id("ok"));
        assertThat(ok.admin()).isTrue();
        assertThat(ok.emails()).containsExactly("ok@example.org");
        assertThat(ok.hasPassword()).isFalse();
        assertThat(preview.rows().get(1).admin()).isFalse();
        assertThat(preview.rows().get(1).userType()).isEqualTo("bot");
        assertThat(preview.rows().get(1).toString()).doesNotContain("Strong-Pass-123");
        // A neutralised cell is read back as written; '=' is allowed in a localpart.
        assertThat(preview.rows().get(10).userId()).isEqualTo("@=" + server.prefix() + "-formula:" + server.synapse().serverName());
        assertThat(preview.rows().get(10).displayName()).isEqualTo("=SUM(A1)");
        assertThat(preview.validCount()).isEqualTo(3);
        assertThat(preview.generatedPasswordCount()).isEqualTo(2);
        assertThat(server.admin().findUser(server.id("ok"))).isEmpty();
        assertThat(server.admin().findUser(server.id("full"))).isEmpty();
    }

    @Test
    void aFileWithoutAUserIdColumnIsRefusedWithASentence() throws Exception {
        Path file = csv("name,email", "alice,alice@example.org");

        assertThatThrownBy(() -> preview(file)).isInstanceOf(ImportFileException.class).hasMessageContaining("user_id");
    }

    @Test
    void dryRunChangesNothingAndTellsWhatWouldHappenToEachRow() throws Exception {
        server.admin().createUser(server.id("exists"), new UserUpdate().displayName("Original"));
        Path file = csv("user_id,displayname", server.prefix() + "-new,New", server.prefix() + "-exists,Changed", "_" + server.prefix() + ",Bad");

        ImportReport report;
        try (ImportJournal journal = ImportJournal.open(dir.resolve("journals"), file, server.synapse().url().toString())) {
            report = new CsvImporter(server.admin()).dryRun(preview(file), ImportOptions.defaults(), journal, new JobControl(), p -> { });
        }

        assertThat(report.dryRun()).isTrue();
        assertThat(report.count(RowOutcome.CREATED)).isEqualTo(1);
        assertThat(report.count(RowOutcome.SKIPPED_EXISTING)).isEqualTo(1);
        assertThat(report.count(RowOutcome.INVALID)).isEqualTo(1);
        assertThat(server.admin().findUser(server.id("new"))).isEmpty();
        assertThat(server.admin().getUser(server.id("exists")).displayName()).isEqualTo("Original");
    }

    @Test
    void importCreatesAccountsWithEmailsAdminFlagAndGeneratedPasswordsWrittenOnceToTheChosenFile() throws Exception {
        Path file = csv("user_id,displayname,email,password,admin,user_type",
                server.prefix() + "-gen,Generated Person,gen@example.org,,true,",
                server.prefix() + "-given,Given Person,given@example.org;given.work@example.org,Given-Pass-2026!,false,bot",
                server.prefix() + "-invalid,Invalid,,,perhaps,");
        Path passwordsFile = dir.resolve("passwords.csv");

        ImportReport report;
        try (ImportJournal journal = ImportJournal.open(dir.resolve("journals"), file, server.synapse().url().toString());
             PasswordFile passwords = PasswordFile.create(passwordsFile)) {
            report = new CsvImporter(server.admin()).run(preview(file), ImportOptions.defaults(), journal, passwords, new JobControl(), p -> { });
        }

        assertThat(report.count(RowOutcome.CREATED)).isEqualTo(2);
        assertThat(report.count(RowOutcome.INVALID)).isEqualTo(1);
        assertThat(report.attention()).extracting(RowResult::userId).containsExactly(server.id("invalid"));
        UserDetails generated = server.admin().getUser(server.id("gen"));
        assertThat(generated.admin()).isTrue();
        assertThat(generated.displayName()).isEqualTo("Generated Person");
        assertThat(generated.emails()).extracting(Threepid::address).containsExactly("gen@example.org");
        UserDetails given = server.admin().getUser(server.id("given"));
        assertThat(given.admin()).isFalse();
        assertThat(given.userType()).isEqualTo("bot");
        assertThat(given.emails()).extracting(Threepid::address).containsExactlyInAnyOrder("given@example.org", "given.work@example.org");
        Map<String, String> written = passwords(passwordsFile);
        assertThat(written).containsOnlyKeys(server.id("gen"));
        assertThat(canSignIn(server.id("gen"), written.get(server.id("gen")))).isTrue();
        assertThat(canSignIn(server.id("given"), "Given-Pass-2026!")).isTrue();
        assertThat(Files.readString(report.journal())).doesNotContain(written.get(server.id("gen")), "Given-Pass-2026!");
        assertThat(Files.readString(passwordsFile)).doesNotContain("Given-Pass-2026!");
    }

    @Test
    void anExistingAccountIsNeverOverwrittenUnlessTheAdminChoseTo() throws Exception {
        server.admin().createUser(server.id("kept"), new UserUpdate().displayName("Original").password("Original-Pass-1!"));
        Path file = csv("user_id,displayname,password,admin", server.prefix() + "-kept,Changed,Changed-Pass-1!,true");

        ImportReport skipped;
        try (ImportJournal journal = ImportJournal.open(dir.resolve("j1"), file, server.synapse().url().toString())) {
            skipped = new CsvImporter(server.admin()).run(preview(file), ImportOptions.defaults(), journal, null, new JobControl(), p -> { });
        }
        UserDetails untouched = server.admin().getUser(server.id("kept"));
        ImportReport updated;
        try (ImportJournal journal = ImportJournal.open(dir.resolve("j2"), file, server.synapse().url().toString())) {
            updated = new CsvImporter(server.admin()).run(preview(file), new ImportOptions(ImportOptions.Existing.UPDATE, true, 1),
                    journal, null, new JobControl(), p -> { });
        }

        assertThat(skipped.count(RowOutcome.SKIPPED_EXISTING)).isEqualTo(1);
        assertThat(untouched.displayName()).isEqualTo("Original");
        assertThat(untouched.admin()).isFalse();
        assertThat(updated.count(RowOutcome.UPDATED)).isEqualTo(1);
        assertThat(server.admin().getUser(server.id("kept")).displayName()).isEqualTo("Changed");
        assertThat(server.admin().getUser(server.id("kept")).admin()).isTrue();
        assertThat(canSignIn(server.id("kept"), "Changed-Pass-1!")).isTrue();
    }

    @Test
    void cancellingStopsBetweenRowsAndReportsTheRowsNotReached() throws Exception {
        Path file = csv("user_id", server.prefix() + "-c1", server.prefix() + "-c2", server.prefix() + "-c3", server.prefix() + "-c4", server.prefix() + "-c5");
        JobControl control = new JobControl();

        ImportReport report;
        try (ImportJournal journal = ImportJournal.open(dir.resolve("journals"), file, server.synapse().url().toString());
             PasswordFile passwords = PasswordFile.create(dir.resolve("pw.csv"))) {
            report = new CsvImporter(server.admin()).run(preview(file), new ImportOptions(ImportOptions.Existing.SKIP, true, 1),
                    journal, passwords, control, p -> {
                        if (p.finished() == 2) {
                            control.cancel();
                        }
                    });
        }

        assertThat(report.cancelled()).isTrue();
        assertThat(report.count(RowOutcome.CREATED)).isEqualTo(2);
        assertThat(report.count(RowOutcome.NOT_RUN)).isEqualTo(3);
        assertThat(server.admin().findUser(server.id("c2"))).isPresent();
        assertThat(server.admin().findUser(server.id("c3"))).isEmpty();
    }

    /** Stands for the app dying: thrown from the progress callback, it stops the import where it is. */
    static final class Crash extends Error {
    }

    @Test
    void anInterruptedImportResumesFromItsJournalWithoutSendingAnyRowTwice() throws Exception {
        List<String> lines = new ArrayList<>(List.of("user_id,displayname"));
        for (int i = 1; i <= 8; i++) {
            lines.add(server.prefix() + "-r" + i + ",Row " + i);
        }
        Path file = csv(lines.toArray(String[]::new));
        Path journals = dir.resolve("journals");
        Path passwordsFile = dir.resolve("passwords.csv");
        ImportOptions oneAtATime = new ImportOptions(ImportOptions.Existing.SKIP, true, 1);

        // First run: dies after three rows are recorded as created.
        try (ImportJournal journal = ImportJournal.open(journals, file, server.synapse().url().toString());
             PasswordFile passwords = PasswordFile.create(passwordsFile)) {
            assertThatThrownBy(() -> new CsvImporter(server.admin()).run(preview(file), oneAtATime, journal, passwords,
                    new JobControl(), p -> {
                        if (p.finished() == 3) {
                            throw new Crash();
                        }
                    })).isInstanceOf(Crash.class);
        }
        // Row 4 was being sent when it died: its password was on disk and the journal said SENDING; the server got it.
        try (ImportJournal journal = ImportJournal.open(journals, file, server.synapse().url().toString());
             PasswordFile passwords = PasswordFile.resume(passwordsFile)) {
            assertThat(journal.doneCount()).isEqualTo(3);
            passwords.record(server.id("r4"), "Lost-Answer-Pass-4!");
            journal.record(4, ImportJournal.State.SENDING, server.id("r4"), "create");
            server.admin().createUser(server.id("r4"), new UserUpdate().displayName("Row 4").password("Lost-Answer-Pass-4!"));
        }
        List<Integer> sentAgain = new ArrayList<>();

        // Second run, as after a restart: the same file and server find the same journal.
        ImportReport report;
        try (ImportJournal journal = ImportJournal.open(journals, file, server.synapse().url().toString());
             PasswordFile passwords = PasswordFile.resume(passwordsFile)) {
            assertThat(journal.unknownCount()).isEqualTo(1);
            report = new CsvImporter(server.admin()).run(preview(file), oneAtATime, journal, passwords, new JobControl(), p -> {
                if (p.last().outcome() == RowOutcome.CREATED) {
                    sentAgain.add(p.last().row());
                }
            });
        }

        assertThat(report.count(RowOutcome.DONE_EARLIER)).isEqualTo(3);
        assertThat(report.count(RowOutcome.CREATED)).isEqualTo(5);
        assertThat(sentAgain).containsExactly(4, 5, 6, 7, 8);
        for (int i = 1; i <= 8; i++) {
            assertThat(server.admin().getUser(server.id("r" + i)).displayName()).isEqualTo("Row " + i);
        }
        Map<String, String> written = passwords(passwordsFile);
        assertThat(written).hasSize(8);
        assertThat(CsvExportSynapseTest.readCsv(passwordsFile)).hasSize(9);
        assertThat(written.get(server.id("r4"))).isEqualTo("Lost-Answer-Pass-4!");
        assertThat(canSignIn(server.id("r1"), written.get(server.id("r1")))).isTrue();
        assertThat(canSignIn(server.id("r4"), written.get(server.id("r4")))).isTrue();
        assertThat(canSignIn(server.id("r8"), written.get(server.id("r8")))).isTrue();
    }
}
