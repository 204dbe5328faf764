package app.registrar.ui.deactivate;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.service.CleanupService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SignedIn;
import app.registrar.testing.Spammer;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deactivation for spam and abuse against the real Synapse: an account with rooms, messages, devices, emails and
 * media; the ticks preview what goes, then remove every message and upload before the account is deactivated.
 * What is left is read back with plain HTTP and the admin's token, not through Registrar's own client.
 */
@ExtendWith(SynapseExtension.class)
class LeftBehindSynapseTest {

    private TestSynapse synapse;
    private SignedIn admin;
    private Spammer spammer;
    private String userId;
    private final FakeDialogService dialogs = new FakeDialogService();
    private final List<String> done = new ArrayList<>();

    @BeforeEach
    void anAccountThatLivedHere(TestSynapse synapse) {
        this.synapse = synapse;
        this.admin = SignedIn.asAdmin(synapse);
        this.spammer = new Spammer(synapse, "spam", List.of(3, 2), 2);
        this.userId = spammer.userId;
    }

    private DeactivateViewModel model() {
        return new DeactivateViewModel(admin.accounts(), dialogs, userId, synapse.adminUser(), () -> done.add("done"))
                .withCleanup(new CleanupService(new CurrentThreadTaskExecutor(), admin.connection()));
    }

    private JsonNode get(String path, Map<String, String> query) throws Exception {
        return spammer.get(path, query);
    }

    private static String segment(String value) {
        return Spammer.segment(value);
    }

    private long readableMessages() throws Exception {
        return spammer.readableMessages();
    }

    private long uploads() throws Exception {
        return spammer.uploads();
    }

    @Test
    void bothTicksPreviewWhatGoesAndRemoveEveryMessageAndUploadBeforeDeactivating() throws Exception {
        DeactivateViewModel model = model();
        model.getPreview().load();
        LeftBehindViewModel leftBehind = model.getLeftBehind();

        leftBehind.redactProperty().set(true);
        leftBehind.deleteMediaProperty().set(true);

        assertThat(leftBehind.messagesPreviewProperty().get()).startsWith("Removes 5 messages in 2 rooms");
        assertThat(leftBehind.mediaPreviewProperty().get()).startsWith("Deletes 2 files (2.0 kB)");
        assertThat(model.getPreview().getLines()).contains("1 device is signed out.");
        assertThat(readableMessages()).as("before").isEqualTo(5);
        assertThat(uploads()).as("before").isEqualTo(2);

        List<String> progress = new ArrayList<>();
        model.progressProperty().addListener((obs, old, now) -> progress.add(now));
        model.typedUserIdProperty().set(userId);
        model.deactivate();

        assertThat(model.errorProperty().get()).isNull();
        assertThat(done).containsExactly("done");
        // Synapse's status has no count while it runs: the line gives the count made before, then the result.
        assertThat(progress).anyMatch(line -> line.startsWith("Removing 5 messages in 2 rooms… The server says how many"))
                .contains("5 of 5 messages removed.")
                .noneMatch(line -> line.contains("active") || line.contains("scheduled") || line.contains("under way"));
        assertThat(readableMessages()).isZero();
        assertThat(uploads()).isZero();
        JsonNode account = get("/_synapse/admin/v2/users/" + segment(userId), Map.of());
        assertThat(account.path("deactivated").asBoolean()).isTrue();
        assertThat(account.path("threepids")).isEmpty();
        assertThat(get("/_synapse/admin/v2/users/" + segment(userId) + "/devices", Map.of()).path("total").asLong()).isZero();
    }

    @Test
    void withoutTheTicksTheMessagesAndUploadsStay() throws Exception {
        DeactivateViewModel model = model();
        model.getPreview().load();

        model.typedUserIdProperty().set(userId);
        model.deactivate();

        assertThat(done).containsExactly("done");
        assertThat(model.getLeftBehind().messagesPreviewProperty().get()).as("not counted unless ticked").isEmpty();
        assertThat(readableMessages()).isEqualTo(5);
        assertThat(uploads()).isEqualTo(2);
    }
}
