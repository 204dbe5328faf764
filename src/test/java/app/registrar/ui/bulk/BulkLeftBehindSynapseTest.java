package app.registrar.ui.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.Network;
import app.registrar.api.ServerApi;
import app.registrar.audit.AuditEntry;
import app.registrar.audit.AuditTrail;
import app.registrar.bulk.BulkAction;
import app.registrar.bulk.BulkResult;
import app.registrar.bulk.BulkService;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.LastSession;
import app.registrar.service.MemoryCredentialStore;
import app.registrar.testing.AuditTestLogs;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.Spammer;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14: the spam and abuse ticks of a bulk deactivation, against real accounts on the real Synapse that sent
 * messages and uploaded files. The ticks preview the sums over the selection; the run removes each account's
 * messages and uploads before deactivating it, and every one of those requests is in the audit trail with its row of
 * the run. What is left is read back with plain HTTP ({@link Spammer}).
 */
@ExtendWith(SynapseExtension.class)
class BulkLeftBehindSynapseTest {

    private TestSynapse synapse;
    private ConnectionService connection;
    private final FakeDialogService dialogs = new FakeDialogService();

    @BeforeEach
    void signIn(TestSynapse synapse) {
        this.synapse = synapse;
        connection = new ConnectionService(new CurrentThreadTaskExecutor(), new MemoryCredentialStore(),
                LastSession.inMemory(), Network.standard(), AuditTrail.in(AuditTestLogs.freshDirectory("bulk-left-behind")));
        connection.signIn(ServerApi.describe(synapse.url()), synapse.adminUser(), synapse.adminPassword())
                .onFailure(e -> {
                    throw e;
                }).start();
    }

    private BulkActionViewModel model(List<String> userIds) {
        return new BulkActionViewModel(new BulkService(new CurrentThreadTaskExecutor(), connection), dialogs, userIds);
    }

    private List<AuditEntry> entries(String userId, String action) {
        return connection.auditLog().orElseThrow().read().stream()
                .filter(e -> e.target().equals(userId) && e.action().equals(action)).toList();
    }

    @Test
    void bothTicksPreviewTheSelectionsSumsAndEachRowLosesItsMessagesAndUploadsBeforeItIsDeactivated() throws Exception {
        Spammer first = new Spammer(synapse, "bulkspam", List.of(3, 2), 2);
        Spammer second = new Spammer(synapse, "bulkspam", List.of(4), 1);
        BulkActionViewModel model = model(List.of(first.userId, second.userId, synapse.adminUser()));

        model.actionProperty().set(BulkAction.DEACTIVATE_AND_ERASE);
        model.getLeftBehind().redactProperty().set(true);
        model.getLeftBehind().deleteMediaProperty().set(true);

        assertThat(model.getLeftBehind().messagesPreviewProperty().get()).startsWith("Removes 9 messages in 3 rooms");
        assertThat(model.getLeftBehind().mediaPreviewProperty().get()).startsWith("Deletes 3 files (3.0 kB)");
        assertThat(model.getPreview().getLines()).as("the media line no longer says the files stay")
                .contains("They uploaded 3 files (3.0 kB); deleted from the server before each deactivation.");
        assertThat(first.readableMessages() + second.readableMessages()).as("before").isEqualTo(9);

        model.typedCountProperty().set("2");
        model.eraseUnderstoodProperty().set(true);
        dialogs.answer(true);
        model.run();

        assertThat(dialogs.confirmations.get(0).text()).contains("Every message they sent is removed first")
                .contains("The media they uploaded is deleted first");
        assertThat(model.getResults()).extracting(BulkResult::outcome)
                .containsExactly(BulkResult.Outcome.DONE, BulkResult.Outcome.DONE, BulkResult.Outcome.SKIPPED_OWN_ACCOUNT);
        for (Spammer spammer : List.of(first, second)) {
            assertThat(spammer.readableMessages()).as(spammer.userId + "'s messages").isZero();
            assertThat(spammer.uploads()).as(spammer.userId + "'s uploads").isZero();
            assertThat(spammer.deactivated()).isTrue();
        }
        // Each row's steps are audited, done, and labelled with the same row of the run, before its erase.
        for (int row = 1; row <= 2; row++) {
            String userId = row == 1 ? first.userId : second.userId;
            AuditEntry redact = entries(userId, "redact-messages").get(0);
            AuditEntry media = entries(userId, "delete-media").get(0);
            AuditEntry erase = entries(userId, "erase").get(0);
            String label = row + " of 3";  // the admin's own account is the third row, left out
            assertThat(List.of(redact, media, erase)).allMatch(e -> e.outcome() == AuditEntry.Outcome.DONE)
                    .allMatch(e -> e.details().contains("bulk run ") && e.details().endsWith(label));
            assertThat(redact.sent()).isBeforeOrEqualTo(media.sent());
            assertThat(media.sent()).isBeforeOrEqualTo(erase.sent());
        }
    }

    @Test
    void withoutTheTicksABulkDeactivationLeavesMessagesAndUploads() throws Exception {
        Spammer spammer = new Spammer(synapse, "bulkkeep", List.of(2), 1);
        BulkActionViewModel model = model(List.of(spammer.userId));

        model.actionProperty().set(BulkAction.DEACTIVATE);
        model.typedCountProperty().set("1");
        dialogs.answer(true);
        model.run();

        assertThat(spammer.deactivated()).isTrue();
        assertThat(spammer.readableMessages()).isEqualTo(2);
        assertThat(spammer.uploads()).isEqualTo(1);
        assertThat(entries(spammer.userId, "redact-messages")).isEmpty();
        assertThat(model.getLeftBehind().messagesPreviewProperty().get()).as("not counted unless ticked").isEmpty();
    }
}
