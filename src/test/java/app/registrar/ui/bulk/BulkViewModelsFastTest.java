package app.registrar.ui.bulk;

import static app.registrar.testing.FakeHomeserver.json;
import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.UserQuery;
import app.registrar.bulk.BulkAction;
import app.registrar.bulk.BulkResult;
import app.registrar.bulk.BulkService;
import app.registrar.bulk.RowOutcome;
import app.registrar.testing.FakeHomeserver;
import app.registrar.testing.FakeSession;
import app.registrar.testing.SignedInFake;
import app.registrar.ui.common.I18n;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bulk view models (bulk action, import, export, inactive accounts) against a fake homeserver, every step run
 * by hand: what each sends, what it reports, and that a failure is said in plain words. The same flows against a
 * real Synapse are in {@link BulkViewModelsTest}.
 */
@Tag("fast")
class BulkViewModelsFastTest {

    private static final String USERS = "/_synapse/admin/v3/users";
    private static final String ALICE = "@alice:example.test";
    private static final String BOB = "@bob:example.test";
    private static final long DAY = Duration.ofDays(1).toMillis();

    @RegisterExtension
    final SignedInFake fake = new SignedInFake();
    @TempDir
    Path dir;
    private BulkService service;

    @BeforeEach
    void signIn() {
        FakeSession session = fake.session();
        service = new BulkService(fake.executor, session.connection);
    }

    /** A user ID as it stands in a request path: one percent-encoded segment. */
    private static String segment(String userId) {
        return userId.replace("@", "%40").replace(":", "%3A");
    }

    private void runEverything() {
        fake.executor.runAll();
        fake.executor.fireScheduled();
        fake.executor.runAll();
    }

    private static String user(String id, long seenDaysAgo) {
        long now = System.currentTimeMillis();
        return "{\"name\":\"" + id + "\",\"creation_ts\":" + (now - 400 * DAY) + ",\"last_seen_ts\":"
                + (now - seenDaysAgo * DAY) + "}";
    }

    private void serverLists(String... users) {
        fake.homeserver.answer(USERS, json(200, "{\"users\":[" + String.join(",", users) + "],\"total\":" + users.length + "}"));
    }


    @Test
    void aBulkLockAsksFirstThenLocksEachSelectedAccountAndLeavesTheAdminOut() {
        fake.homeserver.answer("GET /_synapse/admin/v2/users/" + segment(ALICE), json(200, "{\"name\":\"" + ALICE + "\",\"locked\":false}"))
                .answer("GET /_synapse/admin/v2/users/" + segment(BOB), json(200, "{\"name\":\"" + BOB + "\",\"locked\":true}"))
                .answer("PUT /_synapse/admin/v2/users/" + segment(ALICE), json(200, "{\"name\":\"" + ALICE + "\",\"locked\":true}"));
        BulkActionViewModel model = new BulkActionViewModel(service, fake.dialogs, List.of(ALICE, BOB, FakeHomeserver.ADMIN));
        model.actionProperty().set(BulkAction.LOCK);

        fake.dialogs.answer(false);
        model.run();
        boolean ranAfterNo = fake.executor.pendingCount() > 0;
        fake.dialogs.answer(true);
        model.run();
        boolean runningWhileQueued = model.runningProperty().get();
        runEverything();

        assertThat(ranAfterNo).as("nothing is sent when the admin says no").isFalse();
        assertThat(runningWhileQueued).isTrue();
        assertThat(fake.dialogs.confirmations.get(0).header()).contains(ALICE, BOB).doesNotContain(FakeHomeserver.ADMIN);
        assertThat(fake.sent("PUT")).extracting(r -> r.getUrl().encodedPath())
                .containsExactly("/_synapse/admin/v2/users/" + segment(ALICE));
        assertThat(fake.sent("PUT").get(0).getBody().utf8()).contains("\"locked\":true");
        assertThat(model.getResults()).extracting(BulkResult::outcome).containsExactly(BulkResult.Outcome.DONE,
                BulkResult.Outcome.ALREADY, BulkResult.Outcome.SKIPPED_OWN_ACCOUNT);
        assertThat(model.reportProperty().get().count(BulkResult.Outcome.DONE)).isEqualTo(1);
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void aBulkDeactivationWaitsForTheTypedCountOfTheAccountsItTouches() {
        BulkActionViewModel model = new BulkActionViewModel(service, fake.dialogs, List.of(ALICE, BOB, FakeHomeserver.ADMIN));
        model.actionProperty().set(BulkAction.DEACTIVATE);

        model.typedCountProperty().set("3");
        boolean withTheSelectionsSize = model.canRunProperty().get();
        model.typedCountProperty().set("2");

        assertThat(model.affectedCount()).isEqualTo(2);
        assertThat(model.includesOwnAccount()).isTrue();
        assertThat(withTheSelectionsSize).as("the admin's own account is not counted").isFalse();
        assertThat(model.canRunProperty().get()).isTrue();
    }

    @Test
    void anExportWritesEveryAccountListedAndSaysSo() throws Exception {
        serverLists(user(ALICE, 1), user(BOB, 2));
        Path file = dir.resolve("accounts.csv");
        ExportViewModel model = new ExportViewModel(service, fake.dialogs);

        model.export(UserQuery.all(), file);
        model.export(UserQuery.all(), file);
        boolean runningWhileQueued = model.runningProperty().get();
        runEverything();

        assertThat(runningWhileQueued).isTrue();
        assertThat(model.reportProperty().get().rows()).isEqualTo(2);
        assertThat(model.statusProperty().get()).isEqualTo("2 accounts exported to accounts.csv.");
        assertThat(fake.dialogs.notifications).containsExactly("2 accounts exported to accounts.csv.");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains(ALICE, BOB);
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isNull();
    }

    @Test
    void anExportTheServerRefusesIsSaidInPlainWordsWithTheErrcodeOnlyInTheDetails() {
        fake.homeserver.answer(USERS, json(403, "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"You are not a server admin\"}"));
        ExportViewModel model = new ExportViewModel(service, fake.dialogs);

        model.export(UserQuery.all(), dir.resolve("refused.csv"));
        runEverything();

        assertThat(model.errorProperty().get()).isNotNull();
        assertThat(model.errorProperty().get().message()).doesNotContain("M_FORBIDDEN");
        assertThat(model.errorProperty().get().details()).contains("M_FORBIDDEN");
        assertThat(model.reportProperty().get()).isNull();
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void theInactiveSearchFindsOnlyAccountsNotSeenForTheChosenDaysAndHandsThemToADeactivation() {
        serverLists(user(ALICE, 200), user(BOB, 3));
        InactiveAccountsViewModel model = new InactiveAccountsViewModel(service, fake.dialogs);
        model.daysProperty().set(90);

        model.find(UserQuery.all());
        runEverything();
        BulkActionViewModel bulk = model.bulkAction();

        assertThat(model.reportProperty().get().userIds()).containsExactly(ALICE);
        assertThat(model.reportProperty().get().scanned()).isEqualTo(2);
        assertThat(model.getRows()).extracting(row -> row.userId()).containsExactly(ALICE);
        assertThat(model.statusProperty().get()).contains("1", "90");
        assertThat(bulk.actionProperty().get()).isEqualTo(BulkAction.DEACTIVATE);
        assertThat(bulk.affectedCount()).isEqualTo(1);
        assertThat(fake.homeserver.requests).extracting(r -> r.getUrl().queryParameter("deactivated"))
                .as("deactivated accounts are never inactive").doesNotContain("true");
    }

    @Test
    void anInactiveSearchThatFailsSaysWhyAndFindsNothing() {
        fake.homeserver.answer(USERS, json(500, "{\"errcode\":\"M_UNKNOWN\",\"error\":\"Internal error\"}"));
        InactiveAccountsViewModel model = new InactiveAccountsViewModel(service, fake.dialogs);

        model.find(UserQuery.all());
        runEverything();

        assertThat(model.errorProperty().get()).isNotNull();
        assertThat(model.reportProperty().get()).isNull();
        assertThat(model.getRows()).isEmpty();
        assertThat(model.statusProperty().get()).isEmpty();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.bulkAction().affectedCount()).isZero();
    }

    @Test
    void anImportPreviewsTheFileAndCreatesOnlyTheValidRowsOnceTheAdminConfirms() throws Exception {
        fake.homeserver.answer("GET /_synapse/admin/v2/users/%40one%3Aexample.test",
                        json(404, "{\"errcode\":\"M_NOT_FOUND\",\"error\":\"User not found\"}"))
                .answer("PUT /_synapse/admin/v2/users/%40one%3Aexample.test", json(201, "{\"name\":\"@one:example.test\"}"));
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, "user_id,displayname,password\none,One,One-Pass-2026!x\n_bad,Bad,Bad-Pass-2026!x\n",
                StandardCharsets.UTF_8);
        ImportViewModel model = new ImportViewModel(service, fake.dialogs, dir.resolve("journals"));

        model.load(csv);
        runEverything();
        fake.dialogs.answer(true);
        model.run();
        runEverything();

        assertThat(model.validCountProperty().get()).isEqualTo(1);
        assertThat(model.invalidCountProperty().get()).isEqualTo(1);
        assertThat(fake.dialogs.confirmations.get(0).actionLabel()).isEqualTo(tr("import.confirm.action", 1));
        assertThat(model.reportProperty().get().count(RowOutcome.CREATED)).isEqualTo(1);
        assertThat(fake.sent("PUT")).extracting(r -> r.getUrl().encodedPath())
                .containsExactly("/_synapse/admin/v2/users/%40one%3Aexample.test");
        assertThat(model.runningProperty().get()).isFalse();
    }

    /** "Import 1 accounts" read wrong in English: the count picks the singular or plural in every language. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|Import 1 account|Import 2 accounts|Create up to 1 account?",
            "de|1 Konto importieren|2 Konten importieren|Bis zu 1 Konto anlegen?",
            "fr|Importer 1 compte|Importer 2 comptes|Créer jusqu’à 1 compte ?",
            "es|Importar 1 cuenta|Importar 2 cuentas|¿Crear hasta 1 cuenta?"})
    void theImportButtonSaysOneAccountInTheSingularAndMoreInThePlural(String language, String one, String two,
            String header) {
        Locale before = I18n.locale();
        try {
            I18n.use(Locale.forLanguageTag(language));
            assertThat(tr("import.confirm.action", 1)).isEqualTo(one);
            assertThat(tr("import.confirm.action", 2)).isEqualTo(two);
            assertThat(tr("import.confirm.header", 1)).isEqualTo(header);
        } finally {
            I18n.use(before);
        }
    }

    @Test
    void choosingADeactivationReadsWhatGoesOnceAndSaysHowManyAccountsCouldNotBeRead() {
        // The fake homeserver knows none of the endpoints a removal preview reads: every account fails.
        BulkActionViewModel model = new BulkActionViewModel(service, fake.dialogs, List.of(ALICE, BOB, FakeHomeserver.ADMIN));
        SelectionPreviewViewModel preview = model.getPreview();

        model.actionProperty().set(BulkAction.DEACTIVATE);
        boolean readingWhileQueued = preview.runningProperty().get();
        runEverything();
        model.actionProperty().set(BulkAction.DEACTIVATE_AND_ERASE);
        int queuedForASecondChoice = fake.executor.pendingCount();

        assertThat(readingWhileQueued).isTrue();
        assertThat(preview.reportProperty().get().accounts()).as("the admin's own account is left out").isEqualTo(2);
        assertThat(preview.reportProperty().get().failed()).isEqualTo(2);
        assertThat(preview.statusProperty().get()).isEqualTo(tr("bulk.preview.failed", 2));
        assertThat(preview.getLines()).hasSize(4);
        assertThat(preview.runningProperty().get()).isFalse();
        assertThat(queuedForASecondChoice).as("what goes is read once").isZero();
    }
}
