package app.registrar.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.ErrorCategory;
import app.registrar.api.Homeserver;
import app.registrar.api.HttpTransport;
import app.registrar.api.UserUpdate;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Actions on many accounts against the real Synapse. */
@ExtendWith(SynapseExtension.class)
class BulkActionSynapseTest {

    @TempDir
    Path dir;
    private TestSynapse synapse;
    private AdminApi admin;

    /** Deactivation requests in flight now, and the most that ever were at once. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger deactivations = new AtomicInteger();
    private AdminApi watched;

    @BeforeEach
    void connect(TestSynapse synapse) {
        this.synapse = synapse;
        this.admin = synapse.signedInAdmin().admin();
        OkHttpClient counting = new OkHttpClient.Builder().addInterceptor(chain -> {
            boolean deactivation = chain.request().url().encodedPath().contains("/deactivate/");
            if (!deactivation) {
                return chain.proceed(chain.request());
            }
            deactivations.incrementAndGet();
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                return chain.proceed(chain.request());
            } finally {
                inFlight.decrementAndGet();
            }
        }).build();
        Homeserver homeserver = new Homeserver(new HttpTransport(synapse.url(), counting));
        homeserver.auth().loginWithPassword(synapse.adminUser(), synapse.adminPassword());
        watched = homeserver.admin();
    }

    private String account(String prefix) {
        String userId = synapse.newUserId(prefix);
        admin.createUser(userId, new UserUpdate().displayName("Bulk " + prefix).password("Bulk-Pass-2026!"));
        return userId;
    }

    @Test
    void bulkDeactivationRunsOneAccountAtATimeAndReportsEachAccount() throws Exception {
        String first = account("bd");
        String second = account("bd");
        String third = account("bd");
        String gone = account("bd");
        admin.deactivate(gone, false);
        String missing = synapse.newUserId("nobody");
        List<String> selection = List.of(first, synapse.adminUser(), second, gone, missing, third, first);

        BulkReport report = new BulkActionRunner(watched, synapse.adminUser())
                .run(selection, BulkAction.DEACTIVATE, null, new JobControl(), p -> { });

        Map<String, BulkResult> results = report.byUserId();
        assertThat(report.results()).extracting(BulkResult::userId)
                .containsExactly(first, synapse.adminUser(), second, gone, missing, third);
        assertThat(results.get(first).outcome()).isEqualTo(BulkResult.Outcome.DONE);
        assertThat(results.get(second).outcome()).isEqualTo(BulkResult.Outcome.DONE);
        assertThat(results.get(third).outcome()).isEqualTo(BulkResult.Outcome.DONE);
        assertThat(results.get(synapse.adminUser()).outcome()).isEqualTo(BulkResult.Outcome.SKIPPED_OWN_ACCOUNT);
        assertThat(results.get(gone).outcome()).isEqualTo(BulkResult.Outcome.ALREADY);
        assertThat(results.get(missing).outcome()).isEqualTo(BulkResult.Outcome.FAILED);
        assertThat(results.get(missing).error()).isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(deactivations.get()).isEqualTo(3);
        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(admin.getUser(first).deactivated()).isTrue();
        assertThat(admin.getUser(third).deactivated()).isTrue();
        assertThat(admin.getUser(synapse.adminUser()).deactivated()).isFalse();
    }

    @Test
    void bulkEraseMarksEveryAccountErased() throws Exception {
        String first = account("be");
        String second = account("be");

        BulkReport report = new BulkActionRunner(watched, synapse.adminUser())
                .run(List.of(first, second), BulkAction.DEACTIVATE_AND_ERASE, null, new JobControl(), p -> { });

        assertThat(report.count(BulkResult.Outcome.DONE)).isEqualTo(2);
        assertThat(admin.getUser(first).erased()).isTrue();
        assertThat(admin.getUser(second).erased()).isTrue();
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void lockAndUnlockInBulkChangeOnlyWhatIsNotAlreadySo() throws Exception {
        String open = account("bl");
        String locked = account("bl");
        admin.setLocked(locked, true);
        BulkActionRunner runner = new BulkActionRunner(admin, synapse.adminUser());

        BulkReport lock = runner.run(List.of(open, locked, synapse.adminUser()), BulkAction.LOCK, null, new JobControl(), p -> { });
        boolean bothLocked = admin.getUser(open).locked() && admin.getUser(locked).locked();
        BulkReport unlock = runner.run(List.of(open, locked), BulkAction.UNLOCK, null, new JobControl(), p -> { });

        assertThat(lock.byUserId().get(open).outcome()).isEqualTo(BulkResult.Outcome.DONE);
        assertThat(lock.byUserId().get(locked).outcome()).isEqualTo(BulkResult.Outcome.ALREADY);
        assertThat(lock.byUserId().get(synapse.adminUser()).outcome()).isEqualTo(BulkResult.Outcome.SKIPPED_OWN_ACCOUNT);
        assertThat(bothLocked).isTrue();
        assertThat(unlock.count(BulkResult.Outcome.DONE)).isEqualTo(2);
        assertThat(admin.getUser(open).locked()).isFalse();
        assertThat(admin.getUser(locked).locked()).isFalse();
    }

    @Test
    void bulkReactivationWritesEachNewPasswordToTheChosenFileAndItSignsIn() throws Exception {
        String first = account("br");
        String second = account("br");
        admin.deactivate(first, false);
        admin.deactivate(second, false);
        Path file = dir.resolve("reactivated.csv");

        BulkReport report;
        try (PasswordFile passwords = PasswordFile.create(file)) {
            report = new BulkActionRunner(admin, synapse.adminUser())
                    .run(List.of(first, second), BulkAction.REACTIVATE, passwords, new JobControl(), p -> { });
        }

        assertThat(report.count(BulkResult.Outcome.DONE)).isEqualTo(2);
        List<String[]> rows = CsvExportSynapseTest.readCsv(file);
        assertThat(rows).hasSize(3);
        for (String[] row : rows.subList(1, 3)) {
            String userId = CsvCells.restore(row[0]);
            assertThat(admin.getUser(userId).deactivated()).isFalse();
            new Homeserver(synapse.url()).auth().loginWithPassword(userId, row[1]);
        }
    }

    @Test
    void cancellingABulkActionStopsAfterTheCurrentAccountAndListsTheRest() throws Exception {
        List<String> accounts = List.of(account("bc"), account("bc"), account("bc"));
        JobControl control = new JobControl();

        BulkReport report = new BulkActionRunner(admin, synapse.adminUser())
                .run(accounts, BulkAction.LOCK, null, control, p -> control.cancel());

        assertThat(report.cancelled()).isTrue();
        assertThat(report.results()).extracting(BulkResult::outcome)
                .containsExactly(BulkResult.Outcome.DONE, BulkResult.Outcome.NOT_RUN, BulkResult.Outcome.NOT_RUN);
        assertThat(admin.getUser(accounts.get(1)).locked()).isFalse();
    }
}
