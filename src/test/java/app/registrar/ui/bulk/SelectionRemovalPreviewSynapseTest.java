package app.registrar.ui.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.Homeserver;
import app.registrar.api.HttpTransport;
import app.registrar.api.Threepid;
import app.registrar.api.UserUpdate;
import app.registrar.bulk.BulkAction;
import app.registrar.bulk.BulkService;
import app.registrar.bulk.SelectionRemovalPreview.Totals;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.UiTaskExecutor;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FxWorkers;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bulk deactivation's "what goes", added up over real accounts with rooms, messages, devices, emails and media
 * on the real Synapse, against what the test itself gave each account.
 */
@ExtendWith(SynapseExtension.class)
class SelectionRemovalPreviewSynapseTest {

    private static final String PASSWORD = "Bulk-Preview-2026!";

    /** An account that joined {@code rooms} rooms (with a message each), signed in {@code devices} times, with emails and uploads. */
    private static String person(TestSynapse synapse, int rooms, int devices, int emails, int uploadBytes) {
        String userId = synapse.newUserId("bulkpreview");
        List<Threepid> addresses = new ArrayList<>();
        for (int i = 0; i < emails; i++) {
            addresses.add(Threepid.email(userId.substring(1, userId.indexOf(':')) + "-" + i + "@example.org"));
        }
        synapse.signedInAdmin().admin().createUser(userId, new UserUpdate().password(PASSWORD).threepids(addresses));
        HttpTransport person = new HttpTransport(synapse.url());
        new Homeserver(person).auth().loginWithPassword(userId, PASSWORD);
        for (int i = 0; i < rooms; i++) {
            String room = person.post(person.url("_matrix", "client", "v3", "createRoom"), Map.of("name", "Room " + i),
                    JsonNode.class).path("room_id").asText();
            person.put(person.url("_matrix", "client", "v3", "rooms", room, "send", "m.room.message", "m" + i),
                    Map.of("msgtype", "m.text", "body", "hello"), JsonNode.class);
        }
        if (uploadBytes > 0) {
            person.postBytes(person.url("_matrix", "media", "v3", "upload"), new byte[uploadBytes],
                    MediaType.get("application/octet-stream"), JsonNode.class);
        }
        for (int i = 1; i < devices; i++) {
            new Homeserver(synapse.url()).auth().loginWithPassword(userId, PASSWORD);
        }
        return userId;
    }

    @Test
    void choosingDeactivationAddsUpWhatEverySelectedAccountLoses(TestSynapse synapse) {
        String busy = person(synapse, 2, 1, 1, 1000);
        String chatty = person(synapse, 1, 2, 2, 0);
        SignedIn admin = SignedIn.asAdmin(synapse);
        BulkService service = new BulkService(new CurrentThreadTaskExecutor(), admin.connection());
        BulkActionViewModel model = new BulkActionViewModel(service, new FakeDialogService(),
                List.of(busy, chatty, synapse.adminUser()));

        boolean readBeforeChoosing = model.getPreview().reportProperty().get() != null;
        model.actionProperty().set(BulkAction.DEACTIVATE);

        Totals sums = model.getPreview().reportProperty().get();
        assertThat(readBeforeChoosing).isFalse();
        assertThat(sums.accounts()).as("the admin's own account is left out").isEqualTo(2);
        assertThat(sums.read()).isEqualTo(2);
        assertThat(sums.failed()).isZero();
        assertThat(sums.rooms()).isEqualTo(3);
        assertThat(sums.devices()).isEqualTo(3);
        assertThat(sums.emails()).isEqualTo(3);
        assertThat(sums.mediaCount()).isEqualTo(1);
        assertThat(sums.mediaBytes()).isEqualTo(1000);
        assertThat(model.getPreview().getLines()).containsExactly("3 room memberships end.", "3 devices are signed out.",
                "3 email addresses are removed.", "They uploaded 1 file (1.0 kB); media stays on the server.");
        assertThat(model.getPreview().runningProperty().get()).isFalse();
        assertThat(synapse.signedInAdmin().admin().getUser(busy).deactivated()).as("only read").isFalse();
    }

    @Test
    void stoppingTheReadingOnRealWorkersKeepsTheSumsSoFarAndSaysSo(TestSynapse synapse) {
        UiTaskExecutor executor = FxWorkers.executor();
        SignedIn admin = SignedIn.asAdmin(synapse, executor);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add("@nobody-" + i + "-" + System.nanoTime() + ":" + synapse.serverName());
        }
        BulkActionViewModel model = new BulkActionViewModel(new BulkService(executor, admin.connection()),
                new FakeDialogService(), many);

        FxWorkers.onFx(() -> model.actionProperty().set(BulkAction.DEACTIVATE));
        FxWorkers.awaitFx("the first accounts read",
                () -> model.getPreview().reportProperty().get() != null);
        FxWorkers.onFx(() -> model.getPreview().cancel());
        FxWorkers.awaitFx("the reading stopped", () -> !model.getPreview().runningProperty().get());

        Totals sums = FxWorkers.onFx(() -> model.getPreview().reportProperty().get());
        assertThat(sums.cancelled()).isTrue();
        assertThat(sums.read()).isBetween(1, 399);
        assertThat(FxWorkers.onFx(() -> model.getPreview().statusProperty().get()))
                .isEqualTo("Stopped after " + sums.read() + " of 400 accounts: the sums cover only those.");
    }

    @Test
    void anAccountThatCannotBeReadIsCountedAsSuchAndLeftOutOfTheSums(TestSynapse synapse) {
        String real = person(synapse, 1, 1, 0, 0);
        SignedIn admin = SignedIn.asAdmin(synapse);
        BulkService service = new BulkService(new CurrentThreadTaskExecutor(), admin.connection());
        BulkActionViewModel model = new BulkActionViewModel(service, new FakeDialogService(),
                List.of(real, "@nobody-" + System.nanoTime() + ":" + synapse.serverName()));

        model.actionProperty().set(BulkAction.DEACTIVATE_AND_ERASE);

        Totals sums = model.getPreview().reportProperty().get();
        assertThat(sums.read()).isEqualTo(2);
        assertThat(sums.failed()).isEqualTo(1);
        assertThat(sums.rooms()).isEqualTo(1);
        assertThat(model.getPreview().statusProperty().get())
                .isEqualTo("1 account could not be read; the sums leave it out.");
    }
}
