package app.registrar.ui.deactivate;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.Homeserver;
import app.registrar.api.HttpTransport;
import app.registrar.api.Threepid;
import app.registrar.api.UserUpdate;
import app.registrar.service.CleanupService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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

    private static final String PASSWORD = "Spam-Pass-2026!x";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestSynapse synapse;
    private SignedIn admin;
    private String adminToken;
    private String userId;
    private final List<String> rooms = new ArrayList<>();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final List<String> done = new ArrayList<>();

    @BeforeEach
    void anAccountThatLivedHere(TestSynapse synapse) {
        this.synapse = synapse;
        this.admin = SignedIn.asAdmin(synapse);
        this.adminToken = synapse.signedInAdminToken();
        this.userId = synapse.newUserId("spam");
        synapse.signedInAdmin().admin().createUser(userId, new UserUpdate().password(PASSWORD)
                .threepids(List.of(Threepid.email(userId.substring(1, userId.indexOf(':')) + "@example.org"))));
        HttpTransport person = new HttpTransport(synapse.url());
        new Homeserver(person).auth().loginWithPassword(userId, PASSWORD);
        int sent = 0;
        for (String name : List.of("Buy now", "Cheap pills")) {
            String room = person.post(person.url("_matrix", "client", "v3", "createRoom"), Map.of("name", name),
                    JsonNode.class).path("room_id").asText();
            rooms.add(room);
            for (int i = 0; i < (name.startsWith("Buy") ? 3 : 2); i++) {
                person.put(person.url("_matrix", "client", "v3", "rooms", room, "send", "m.room.message", "t" + sent++),
                        Map.of("msgtype", "m.text", "body", "spam " + i), JsonNode.class);
            }
        }
        for (int i = 0; i < 2; i++) {
            person.postBytes(person.url("_matrix", "media", "v3", "upload"), new byte[1000 + i],
                    MediaType.get("application/octet-stream"), JsonNode.class);
        }
    }

    private DeactivateViewModel model() {
        return new DeactivateViewModel(admin.accounts(), dialogs, userId, synapse.adminUser(), () -> done.add("done"))
                .withCleanup(new CleanupService(new CurrentThreadTaskExecutor(), admin.connection()));
    }

    private JsonNode get(String path, Map<String, String> query) throws Exception {
        HttpUrl.Builder url = synapse.url().newBuilder().encodedPath(path);
        query.forEach(url::addQueryParameter);
        Request request = new Request.Builder().url(url.build()).header("Authorization", "Bearer " + adminToken).build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            assertThat(response.code()).as(path).isEqualTo(200);
            return JSON.readTree(response.body().string());
        }
    }

    private static String segment(String value) {
        return HttpUrl.parse("http://x/").newBuilder().addPathSegment(value).build().encodedPath().substring(1);
    }

    /** The person's messages that still have a body, in every room they were in. */
    private long readableMessages() throws Exception {
        long count = 0;
        for (String room : rooms) {
            JsonNode page = get("/_synapse/admin/v1/rooms/" + segment(room) + "/messages",
                    Map.of("dir", "b", "limit", "100"));
            for (JsonNode event : page.path("chunk")) {
                if (event.path("sender").asText().equals(userId) && event.path("type").asText().equals("m.room.message")
                        && event.path("content").has("body")) {
                    count++;
                }
            }
        }
        return count;
    }

    private long uploads() throws Exception {
        return get("/_synapse/admin/v1/users/" + segment(userId) + "/media", Map.of()).path("total").asLong();
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

        model.typedUserIdProperty().set(userId);
        model.deactivate();

        assertThat(model.errorProperty().get()).isNull();
        assertThat(done).containsExactly("done");
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
