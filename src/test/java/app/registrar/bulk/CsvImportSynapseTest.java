package app.registrar.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.registrar.api.AdminApi;
import app.registrar.api.Homeserver;
import app.registrar.api.Threepid;
import app.registrar.api.UserDetails;
import app.registrar.api.UserUpdate;
import app.registrar.model.PasswordPolicy;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Importing accounts from CSV against the real Synapse: preview, dry run, run, journal and resume. */
@ExtendWith(SynapseExtension.class)
class CsvImportSynapseTest {

    /** The test server's rules (scripts/synapse.sh). */
    static final PasswordPolicy POLICY = new PasswordPolicy(true, 10, true, true, true, true);

    @TempDir
    Path dir;
    private TestSynapse synapse;
    private AdminApi admin;
    private String prefix;

    @BeforeEach
    void connect(TestSynapse synapse) {
        this.synapse = synapse;
        this.admin = synapse.signedInAdmin().admin();
        this.prefix = "imp" + UUID.randomUUID().toString().substring(0, 6);
    }

    private String id(String name) {
        return "@" + prefix + "-" + name + ":" + synapse.serverName();
    }

    private Path csv(String... lines) throws IOException {
        Path file = dir.resolve(prefix + ".csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    private ImportPreview preview(Path file) throws IOException {
        return ImportFile.read(file, synapse.serverName(), POLICY);
    }

    private Map<String, String> passwords(Path file) throws IOException {
        return CsvExportSynapseTest.readCsv(file).stream().skip(1)
                .collect(Collectors.toMap(r -> CsvCells.restore(r[0]), r -> r[1]));
    }

    private boolean canSignIn(String userId, String password) {
        try {
            new Homeserver(synapse.url()).auth().loginWithPassword(userId, password);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void previewChecksEveryRowAndSendsNothing() throws Exception {
        Path file = csv("User_ID;Display Name;Email;Password;Admin;User_Type",
                prefix + "-ok;Ok Person;ok@example.org;;yes;",
                "@" + prefix + "-full:" + synapse.serverName() + ";Full;;Strong-Pass-123;0;bot",
                ";No Id;;;;",
                prefix + "-bad name;Bad;;;;",
                "@" + prefix + "-elsewhere:other.example;Other;;;;",
                prefix + "-ok;Again;;;;",
                prefix + "-mail;Mail;not-an-email;;;",
                prefix + "-admin;Admin;;;maybe;",
                prefix + "-type;Type;;;;robot",
                prefix + "-weak;Weak;;short;;",
                "'=" + prefix + "-formula;'=SUM(A1);;;false;");

        ImportPreview preview = preview(file);

        assertThat(preview.delimiter()).isEqualTo(';');
        assertThat(preview.rows()).extracting(ImportRow::problems).containsExactly(
                List.of(), List.of(), List.of(RowProblem.MISSING_USER_ID), List.of(RowProblem.INVALID_USER_ID),
                List.of(RowProblem.OTHER_SERVER), List.of(RowProblem.DUPLICATE_USER_ID),
                List.of(RowProblem.INVALID_EMAIL), List.of(RowProblem.ADMIN_NOT_BOOLEAN),
                List.of(RowProblem.INVALID_USER_TYPE), List.of(RowProblem.WEAK_PASSWORD), List.of());
        ImportRow ok = preview.rows().get(0);
        assertThat(ok.userId()).isEqualTo(id("ok"));
        assertThat(ok.admin()).isTrue();
        assertThat(ok.emails()).containsExactly("ok@example.org");
        assertThat(ok.hasPassword()).isFalse();
        assertThat(preview.rows().get(1).admin()).isFalse();
        assertThat(preview.rows().get(1).userType()).isEqualTo("bot");
        assertThat(preview.rows().get(1).toString()).doesNotContain("Strong-Pass-123");
        // A neutralised cell is read back as written; '=' is allowed in a localpart.
        assertThat(preview.rows().get(10).userId()).isEqualTo("@=" + prefix + "-formula:" + synapse.serverName());
        assertThat(preview.rows().get(10).displayName()).isEqualTo("=SUM(A1)");
        assertThat(preview.validCount()).isEqualTo(3);
        assertThat(preview.generatedPasswordCount()).isEqualTo(2);
        assertThat(admin.findUser(id("ok"))).isEmpty();
        assertThat(admin.findUser(id("full"))).isEmpty();
    }

    @Test
    void aFileWithoutAUserIdColumnIsRefusedWithASentence() throws Exception {
        Path file = csv("name,email", "alice,alice@example.org");

        assertThatThrownBy(() -> preview(file)).isInstanceOf(ImportFileException.class).hasMessageContaining("user_id");
    }

    @Test
    void dryRunChangesNothingAndTellsWhatWouldHappenToEachRow() throws Exception {
        admin.createUser(id("exists"), new UserUpdate().displayName("Original"));
        Path file = csv("user_id,displayname", prefix + "-new,New", prefix + "-exists,Changed", "_" + prefix + ",Bad");

        ImportReport report;
        try (ImportJournal journal = ImportJournal.open(dir.resolve("journals"), file, synapse.url().toString())) {
            report = new CsvImporter(admin).dryRun(preview(file), ImportOptions.defaults(), journal, new JobControl(), p -> { });
        }

        assertThat(report.dryRun()).isTrue();
        assertThat(report.count(RowOutcome.CREATED)).isEqualTo(1);
        assertThat(report.count(RowOutcome.SKIPPED_EXISTING)).isEqualTo(1);
        assertThat(report.count(RowOutcome.INVALID)).isEqualTo(1);
        assertThat(admin.findUser(id("new"))).isEmpty();
        assertThat(admin.getUser(id("exists")).displayName()).isEqualTo("Original");
    }

    @Test
    void importCreatesAccountsWithEmailsAdminFlagAndGeneratedPasswordsWrittenOnceToTheChosenFile() throws Exception {
        Path file = csv("user_id,displayname,email,password,admin,user_type",
                prefix + "-gen,Generated Person,gen@example.org,,true,",
                prefix + "-given,Given Person,given@example.org;given.work@example.org,Given-Pass-2026!,false,bot",
                prefix + "-invalid,Invalid,,,perhaps,");
        Path passwordsFile = dir.resolve("passwords.csv");

        ImportReport report;
        try (ImportJournal journal = ImportJournal.open(dir.resolve("journals"), file, synapse.url().toString());
             PasswordFile passwords = PasswordFile.create(passwordsFile)) {
            report = new CsvImporter(admin).run(preview(file), ImportOptions.defaults(), journal, passwords, new JobControl(), p -> { });
        }

        assertThat(report.count(RowOutcome.CREATED)).isEqualTo(2);
        assertThat(report.count(RowOutcome.INVALID)).isEqualTo(1);
        assertThat(report.attention()).extracting(RowResult::userId).containsExactly(id("invalid"));
        UserDetails generated = admin.getUser(id("gen"));
        assertThat(generated.admin()).isTrue();
        assertThat(generated.displayName()).isEqualTo("Generated Person");
        assertThat(generated.emails()).extracting(Threepid::address).containsExactly("gen@example.org");
        UserDetails given = admin.getUser(id("given"));
        assertThat(given.admin()).isFalse();
        assertThat(given.userType()).isEqualTo("bot");
        assertThat(given.emails()).extracting(Threepid::address).containsExactlyInAnyOrder("given@example.org", "given.work@example.org");
        Map<String, String> written = passwords(passwordsFile);
        assertThat(written).containsOnlyKeys(id("gen"));
        assertThat(canSignIn(id("gen"), written.get(id("gen")))).isTrue();
        assertThat(canSignIn(id("given"), "Given-Pass-2026!")).isTrue();
        assertThat(Files.readString(report.journal())).doesNotContain(written.get(id("gen")), "Given-Pass-2026!");
        assertThat(Files.readString(passwordsFile)).doesNotContain("Given-Pass-2026!");
    }

    @Test
    void anExistingAccountIsNeverOverwrittenUnlessTheAdminChoseTo() throws Exception {
        admin.createUser(id("kept"), new UserUpdate().displayName("Original").password("Original-Pass-1!"));
        Path file = csv("user_id,displayname,password,admin", prefix + "-kept,Changed,Changed-Pass-1!,true");

        ImportReport skipped;
        try (ImportJournal journal = ImportJournal.open(dir.resolve("j1"), file, synapse.url().toString())) {
            skipped = new CsvImporter(admin).run(preview(file), ImportOptions.defaults(), journal, null, new JobControl(), p -> { });
        }
        UserDetails untouched = admin.getUser(id("kept"));
        ImportReport updated;
        try (ImportJournal journal = ImportJournal.open(dir.resolve("j2"), file, synapse.url().toString())) {
            updated = new CsvImporter(admin).run(preview(file), new ImportOptions(ImportOptions.Existing.UPDATE, true, 1),
                    journal, null, new JobControl(), p -> { });
        }

        assertThat(skipped.count(RowOutcome.SKIPPED_EXISTING)).isEqualTo(1);
        assertThat(untouched.displayName()).isEqualTo("Original");
        assertThat(untouched.admin()).isFalse();
        assertThat(updated.count(RowOutcome.UPDATED)).isEqualTo(1);
        assertThat(admin.getUser(id("kept")).displayName()).isEqualTo("Changed");
        assertThat(admin.getUser(id("kept")).admin()).isTrue();
        assertThat(canSignIn(id("kept"), "Changed-Pass-1!")).isTrue();
    }

    @Test
    void cancellingStopsBetweenRowsAndReportsTheRowsNotReached() throws Exception {
        Path file = csv("user_id", prefix + "-c1", prefix + "-c2", prefix + "-c3", prefix + "-c4", prefix + "-c5");
        JobControl control = new JobControl();

        ImportReport report;
        try (ImportJournal journal = ImportJournal.open(dir.resolve("journals"), file, synapse.url().toString());
             PasswordFile passwords = PasswordFile.create(dir.resolve("pw.csv"))) {
            report = new CsvImporter(admin).run(preview(file), new ImportOptions(ImportOptions.Existing.SKIP, true, 1),
                    journal, passwords, control, p -> {
                        if (p.finished() == 2) {
                            control.cancel();
                        }
                    });
        }

        assertThat(report.cancelled()).isTrue();
        assertThat(report.count(RowOutcome.CREATED)).isEqualTo(2);
        assertThat(report.count(RowOutcome.NOT_RUN)).isEqualTo(3);
        assertThat(admin.findUser(id("c2"))).isPresent();
        assertThat(admin.findUser(id("c3"))).isEmpty();
    }

    /** Stands for the app dying: thrown from the progress callback, it stops the import where it is. */
    static final class Crash extends Error {
    }

    @Test
    void anInterruptedImportResumesFromItsJournalWithoutSendingAnyRowTwice() throws Exception {
        List<String> lines = new ArrayList<>(List.of("user_id,displayname"));
        for (int i = 1; i <= 8; i++) {
            lines.add(prefix + "-r" + i + ",Row " + i);
        }
        Path file = csv(lines.toArray(String[]::new));
        Path journals = dir.resolve("journals");
        Path passwordsFile = dir.resolve("passwords.csv");
        ImportOptions oneAtATime = new ImportOptions(ImportOptions.Existing.SKIP, true, 1);

        // First run: dies after three rows are recorded as created.
        try (ImportJournal journal = ImportJournal.open(journals, file, synapse.url().toString());
             PasswordFile passwords = PasswordFile.create(passwordsFile)) {
            assertThatThrownBy(() -> new CsvImporter(admin).run(preview(file), oneAtATime, journal, passwords,
                    new JobControl(), p -> {
                        if (p.finished() == 3) {
                            throw new Crash();
                        }
                    })).isInstanceOf(Crash.class);
        }
        // Row 4 was being sent when it died: its password was on disk and the journal said SENDING; the server got it.
        try (ImportJournal journal = ImportJournal.open(journals, file, synapse.url().toString());
             PasswordFile passwords = PasswordFile.resume(passwordsFile)) {
            assertThat(journal.doneCount()).isEqualTo(3);
            passwords.record(id("r4"), "Lost-Answer-Pass-4!");
            journal.record(4, ImportJournal.State.SENDING, id("r4"), "create");
            admin.createUser(id("r4"), new UserUpdate().displayName("Row 4").password("Lost-Answer-Pass-4!"));
        }
        List<Integer> sentAgain = new ArrayList<>();

        // Second run, as after a restart: the same file and server find the same journal.
        ImportReport report;
        try (ImportJournal journal = ImportJournal.open(journals, file, synapse.url().toString());
             PasswordFile passwords = PasswordFile.resume(passwordsFile)) {
            assertThat(journal.unknownCount()).isEqualTo(1);
            report = new CsvImporter(admin).run(preview(file), oneAtATime, journal, passwords, new JobControl(), p -> {
                if (p.last().outcome() == RowOutcome.CREATED) {
                    sentAgain.add(p.last().row());
                }
            });
        }

        assertThat(report.count(RowOutcome.DONE_EARLIER)).isEqualTo(3);
        assertThat(report.count(RowOutcome.CREATED)).isEqualTo(5);
        assertThat(sentAgain).containsExactly(4, 5, 6, 7, 8);
        for (int i = 1; i <= 8; i++) {
            assertThat(admin.getUser(id("r" + i)).displayName()).isEqualTo("Row " + i);
        }
        Map<String, String> written = passwords(passwordsFile);
        assertThat(written).hasSize(8);
        assertThat(CsvExportSynapseTest.readCsv(passwordsFile)).hasSize(9);
        assertThat(written.get(id("r4"))).isEqualTo("Lost-Answer-Pass-4!");
        assertThat(canSignIn(id("r1"), written.get(id("r1")))).isTrue();
        assertThat(canSignIn(id("r4"), written.get(id("r4")))).isTrue();
        assertThat(canSignIn(id("r8"), written.get(id("r8")))).isTrue();
    }
}
