package app.registrar.ui.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.UserQuery;
import app.registrar.api.UserUpdate;
import app.registrar.bulk.BulkAction;
import app.registrar.bulk.BulkResult;
import app.registrar.bulk.BulkService;
import app.registrar.bulk.RowOutcome;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The bulk view models with the synchronous executor, a fake dialog service and the real Synapse. */
@ExtendWith(SynapseExtension.class)
class BulkViewModelsTest {

    @TempDir
    Path dir;
    private TestSynapse synapse;
    private AdminApi admin;
    private BulkService service;
    private final FakeDialogService dialogs = new FakeDialogService();
    private String prefix;

    @BeforeEach
    void connect(TestSynapse synapse) {
        this.synapse = synapse;
        this.admin = synapse.signedInAdmin().admin();
        SignedIn signedIn = SignedIn.asAdmin(synapse);
        this.service = new BulkService(new CurrentThreadTaskExecutor(), signedIn.connection());
        this.prefix = "vm" + UUID.randomUUID().toString().substring(0, 6);
    }

    private String account(String name) {
        String userId = "@" + prefix + "-" + name + ":" + synapse.serverName();
        admin.createUser(userId, new UserUpdate().displayName("VM " + name).password("Vm-Pass-2026!x"));
        return userId;
    }

    @Test
    void bulkDeactivationWaitsForTheTypedCountAndTheConfirmationAndLeavesTheOwnAccountOut() {
        String first = account("a");
        String second = account("b");
        BulkActionViewModel model = new BulkActionViewModel(service, dialogs, List.of(first, second, synapse.adminUser()));
        model.actionProperty().set(BulkAction.DEACTIVATE);

        boolean runnableUntyped = model.canRunProperty().get();
        model.typedCountProperty().set("3");
        boolean runnableWithWrongCount = model.canRunProperty().get();
        model.typedCountProperty().set("2");
        dialogs.answer(false);
        model.run();
        boolean deactivatedAfterDecline = admin.getUser(first).deactivated();
        dialogs.answer(true);
        model.run();

        assertThat(runnableUntyped).isFalse();
        assertThat(runnableWithWrongCount).isFalse();
        assertThat(deactivatedAfterDecline).isFalse();
        assertThat(dialogs.confirmations).hasSize(2);
        assertThat(dialogs.confirmations.get(0).header()).contains(first, second).doesNotContain(synapse.adminUser());
        assertThat(dialogs.confirmations.get(0).actionLabel()).isEqualTo("Deactivate 2 accounts");
        assertThat(dialogs.confirmations.get(0).destructive()).isTrue();
        assertThat(model.getResults()).extracting(BulkResult::outcome).containsExactly(
                BulkResult.Outcome.DONE, BulkResult.Outcome.DONE, BulkResult.Outcome.SKIPPED_OWN_ACCOUNT);
        assertThat(admin.getUser(second).deactivated()).isTrue();
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void eraseInBulkNeedsItsOwnTickBesidesTheTypedCount() {
        String only = account("e");
        BulkActionViewModel model = new BulkActionViewModel(service, dialogs, List.of(only));
        model.actionProperty().set(BulkAction.DEACTIVATE_AND_ERASE);
        model.typedCountProperty().set("1");

        boolean runnableWithoutTick = model.canRunProperty().get();
        model.eraseUnderstoodProperty().set(true);

        assertThat(runnableWithoutTick).isFalse();
        assertThat(model.canRunProperty().get()).isTrue();
    }

    @Test
    void importPreviewsFirstAndRunsOnlyWithAPasswordsFileAndTheAdminsConfirmation() throws Exception {
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, "user_id,displayname\n" + prefix + "-one,One\n" + prefix + "-two,Two\n_bad,Bad\n",
                StandardCharsets.UTF_8);
        ImportViewModel model = new ImportViewModel(service, dialogs, dir.resolve("journals"));

        model.load(csv);
        boolean runnableWithoutPasswordsFile = model.canRunProperty().get();
        model.passwordsFileProperty().set(dir.resolve("passwords.csv"));
        model.dryRun();
        boolean createdByDryRun = admin.findUser("@" + prefix + "-one:" + synapse.serverName()).isPresent();
        dialogs.answer(true);
        model.run();

        assertThat(model.getRows()).hasSize(3);
        assertThat(model.validCountProperty().get()).isEqualTo(2);
        assertThat(model.invalidCountProperty().get()).isEqualTo(1);
        assertThat(runnableWithoutPasswordsFile).isFalse();
        assertThat(createdByDryRun).isFalse();
        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(dialogs.confirmations.get(0).actionLabel()).isEqualTo("Import 2 accounts");
        assertThat(model.reportProperty().get().count(RowOutcome.CREATED)).isEqualTo(2);
        assertThat(model.statusProperty().get()).startsWith("2 created");
        assertThat(admin.getUser("@" + prefix + "-two:" + synapse.serverName()).displayName()).isEqualTo("Two");
        assertThat(Files.readAllLines(dir.resolve("passwords.csv"))).hasSize(3);
    }

    @Test
    void reopeningAnImportThatStoppedSaysHowManyRowsWereDoneAlready() throws Exception {
        Path csv = dir.resolve("again.csv");
        Files.writeString(csv, "user_id,password\n" + prefix + "-x,Xx-Pass-2026!\n" + prefix + "-y,Yy-Pass-2026!\n",
                StandardCharsets.UTF_8);
        ImportViewModel first = new ImportViewModel(service, dialogs, dir.resolve("journals"));
        first.load(csv);
        dialogs.answer(true);
        first.run();

        ImportViewModel reopened = new ImportViewModel(service, dialogs, dir.resolve("journals"));
        reopened.load(csv);

        assertThat(reopened.doneEarlierProperty().get()).isEqualTo(2);
        assertThat(reopened.statusProperty().get()).contains("stopped after 2 rows");
    }

    @Test
    void exportReportsEveryRowWrittenAndTheFileIsThere() {
        account("x1");
        account("x2");
        Path file = dir.resolve("export.csv");
        ExportViewModel model = new ExportViewModel(service, dialogs);

        model.export(UserQuery.all().withName(prefix), file);

        assertThat(model.reportProperty().get().rows()).isEqualTo(2);
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.statusProperty().get()).isEqualTo("2 accounts exported to export.csv.");
        assertThat(file).exists();
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void inactiveSearchHandsEveryAccountFoundToABulkDeactivation() {
        InactiveAccountsViewModel model = new InactiveAccountsViewModel(service, dialogs);
        account("fresh");

        model.find(UserQuery.all().withName(prefix));
        BulkActionViewModel bulk = model.bulkAction();

        assertThat(model.reportProperty().get().scanned()).isEqualTo(1);
        assertThat(model.getRows()).isEmpty();
        assertThat(bulk.actionProperty().get()).isEqualTo(BulkAction.DEACTIVATE);
        assertThat(bulk.affectedCount()).isZero();
        assertThat(bulk.canRunProperty().get()).isFalse();
    }
}
