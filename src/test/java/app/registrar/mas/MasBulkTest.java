package app.registrar.mas;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.bulk.BulkAction;
import app.registrar.bulk.BulkActionRunner;
import app.registrar.bulk.BulkReport;
import app.registrar.bulk.BulkResult;
import app.registrar.bulk.CsvExporter;
import app.registrar.bulk.CsvImporter;
import app.registrar.bulk.ExportReport;
import app.registrar.bulk.ImportFile;
import app.registrar.bulk.ImportJournal;
import app.registrar.bulk.ImportOptions;
import app.registrar.bulk.ImportReport;
import app.registrar.bulk.JobControl;
import app.registrar.bulk.PasswordFile;
import app.registrar.bulk.RowOutcome;
import app.registrar.api.UserQuery;
import app.registrar.model.PasswordPolicy;
import app.registrar.store.AccountStore;
import app.registrar.testing.MasExtension;
import app.registrar.testing.MasProbe;
import app.registrar.testing.MasSignedIn;
import app.registrar.testing.TestMas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export, import and bulk actions on a server whose accounts MAS owns: the same engines as on Synapse, through the
 * MAS account store, against the real stack; outcomes read back from MAS's admin API with plain HTTP.
 */
@ExtendWith(MasExtension.class)
class MasBulkTest {

    private static AccountStore store;
    private static MasProbe probe;
    private static TestMas mas;

    @TempDir
    Path dir;

    @BeforeAll
    static void signIn(TestMas stack) {
        mas = stack;
        store = MasSignedIn.asAdmin(stack).accountStore();
        probe = new MasProbe(stack);
    }

    private static String prefix() {
        return "bulk" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String userId(String localpart) {
        return "@" + localpart + ":" + mas.serverName();
    }

    @Test
    void exportWritesEveryMatchingMasAccountOnce() throws Exception {
        String prefix = prefix();
        for (int i = 0; i < 5; i++) {
            probe.createAccount(prefix + "-" + i, null);
        }
        Path file = dir.resolve("accounts.csv");

        ExportReport report = new CsvExporter(store).export(UserQuery.all().withName(prefix), file, new JobControl(), p -> { });

        assertThat(report.rows()).isEqualTo(5);
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        for (int i = 0; i < 5; i++) {
            assertThat(csv).containsOnlyOnce("@" + prefix + "-" + i + ":" + mas.serverName());
        }
    }

    @Test
    void bulkLockThenDeactivateReportsEachAccountAndMasHasThem() throws Exception {
        String prefix = prefix();
        List<String> ids = List.of(userId(prefix + "-a"), userId(prefix + "-b"));
        ids.forEach(id -> probe.createAccount(TestMas.localpart(id), null));
        String missing = userId(prefix + "-missing");

        BulkReport locked = new BulkActionRunner(store, mas.adminUser())
                .run(List.of(ids.get(0), ids.get(1), missing), BulkAction.LOCK, null, new JobControl(), p -> { });
        List<Boolean> lockedInMas = ids.stream()
                .map(id -> !probe.masUser(TestMas.localpart(id)).orElseThrow().path("attributes").path("locked_at").isNull())
                .toList();
        BulkReport deactivated = new BulkActionRunner(store, mas.adminUser())
                .run(ids, BulkAction.DEACTIVATE, null, new JobControl(), p -> { });

        assertThat(locked.byUserId().get(ids.get(0)).outcome()).isEqualTo(BulkResult.Outcome.DONE);
        assertThat(locked.byUserId().get(ids.get(1)).outcome()).isEqualTo(BulkResult.Outcome.DONE);
        assertThat(locked.byUserId().get(missing).outcome()).isEqualTo(BulkResult.Outcome.FAILED);
        assertThat(lockedInMas).containsExactly(true, true);
        assertThat(deactivated.results()).extracting(BulkResult::outcome).containsOnly(BulkResult.Outcome.DONE);
        for (String id : ids) {
            assertThat(probe.masUser(TestMas.localpart(id)).orElseThrow().path("attributes").path("deactivated_at").isNull())
                    .isFalse();
        }
    }

    @Test
    void importCreatesMasAccountsWithEmailsAndPasswordsAndKeepsItsJournal() throws Exception {
        String prefix = prefix();
        Path file = dir.resolve("import.csv");
        Files.writeString(file, String.join("\n", "user_id,displayname,email,password",
                prefix + "-gen,Generated Person,gen-" + prefix + "@example.org,",
                prefix + "-given,Given Person,given-" + prefix + "@example.org,Given-" + UUID.randomUUID()) + "\n");
        Path passwordsFile = dir.resolve("passwords.csv");

        ImportReport report;
        try (ImportJournal journal = ImportJournal.open(dir.resolve("journals"), file, mas.synapseUrl().toString());
             PasswordFile passwords = PasswordFile.create(passwordsFile)) {
            report = new CsvImporter(store).run(ImportFile.read(file, mas.serverName(), PasswordPolicy.none()),
                    ImportOptions.defaults(), journal, passwords, new JobControl(), p -> { });
        }
        ImportReport again;
        try (ImportJournal journal = ImportJournal.open(dir.resolve("journals"), file, mas.synapseUrl().toString());
             PasswordFile passwords = PasswordFile.create(dir.resolve("passwords-2.csv"))) {
            again = new CsvImporter(store).run(ImportFile.read(file, mas.serverName(), PasswordPolicy.none()),
                    ImportOptions.defaults(), journal, passwords, new JobControl(), p -> { });
        }

        assertThat(report.count(RowOutcome.CREATED)).isEqualTo(2);
        assertThat(again.count(RowOutcome.CREATED)).as("the journal and the server say they exist").isZero();
        String genId = probe.masUserId(prefix + "-gen");
        assertThat(probe.mas("GET", "user-emails?filter[user]=" + genId, null).body().path("data").findValuesAsText("email"))
                .containsExactly("gen-" + prefix + "@example.org");
        String generated = Files.readAllLines(passwordsFile).stream().filter(l -> l.contains(prefix + "-gen"))
                .findFirst().orElseThrow().replaceAll(".*,\"?([^,\"]*)\"?$", "$1");
        assertThat(probe.passwordLoginStatus(prefix + "-gen", generated)).isEqualTo(200);
    }
}
