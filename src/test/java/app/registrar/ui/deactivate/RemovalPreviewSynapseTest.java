package app.registrar.ui.deactivate;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.Homeserver;
import app.registrar.api.HttpTransport;
import app.registrar.api.RemovalPreview;
import app.registrar.api.Threepid;
import app.registrar.api.UserUpdate;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** "What goes" for a real account with rooms, messages, devices, emails and media on the real Synapse. */
@ExtendWith(SynapseExtension.class)
class RemovalPreviewSynapseTest {

    private static final String PASSWORD = "Preview-Pass-2026!";

    @Test
    void thePreviewCountsTheRoomsDevicesEmailsAndMediaTheAccountHas(TestSynapse synapse) {
        SignedIn admin = SignedIn.asAdmin(synapse);
        String userId = synapse.newUserId("preview");
        synapse.signedInAdmin().admin().createUser(userId, new UserUpdate().password(PASSWORD)
                .threepids(List.of(Threepid.email("preview-one@example.org"), Threepid.email("preview-two@example.org"))));
        // The person: two rooms with a message each, an upload, and two signed-in devices.
        HttpTransport person = new HttpTransport(synapse.url());
        new Homeserver(person).auth().loginWithPassword(userId, PASSWORD);
        for (String name : List.of("Garden club", "Night shift")) {
            String room = person.post(person.url("_matrix", "client", "v3", "createRoom"), Map.of("name", name), JsonNode.class)
                    .path("room_id").asText();
            person.put(person.url("_matrix", "client", "v3", "rooms", room, "send", "m.room.message", "t-" + name.hashCode()),
                    Map.of("msgtype", "m.text", "body", "hello from " + name), JsonNode.class);
        }
        byte[] upload = new byte[12_345];
        person.postBytes(person.url("_matrix", "media", "v3", "upload"), upload, MediaType.get("application/octet-stream"), JsonNode.class);
        new Homeserver(synapse.url()).auth().loginWithPassword(userId, PASSWORD);

        RemovalPreviewViewModel model = new RemovalPreviewViewModel(admin.accounts(), userId);
        model.load();

        RemovalPreview preview = model.previewProperty().get();
        assertThat(preview).as(model.problemProperty().get()).isNotNull();
        assertThat(preview.roomCount()).isEqualTo(2);
        assertThat(preview.firstRoomNames()).containsExactlyInAnyOrder("Garden club", "Night shift");
        assertThat(preview.deviceCount()).isEqualTo(2);
        assertThat(preview.emails()).containsExactlyInAnyOrder("preview-one@example.org", "preview-two@example.org");
        assertThat(preview.mediaCount()).isEqualTo(1);
        assertThat(preview.mediaBytes()).isEqualTo(12_345);
        assertThat(model.getLines()).contains("They uploaded 1 file (12.3 kB); media stays on the server.",
                "2 devices are signed out.");
        assertThat(model.getLines().get(0)).startsWith("They leave 2 rooms: ");
    }

    @Test
    void anAccountWithNothingSaysSo(TestSynapse synapse) {
        SignedIn admin = SignedIn.asAdmin(synapse);
        String userId = synapse.newUserId("empty-preview");
        synapse.signedInAdmin().admin().createUser(userId, new UserUpdate().password(PASSWORD));

        RemovalPreviewViewModel model = new RemovalPreviewViewModel(admin.accounts(), userId);
        model.load();

        assertThat(model.getLines()).containsExactly("They are in no rooms.", "No device is signed in.",
                "They have no email address.", "They uploaded no media (0 B); media stays on the server.");
    }
}
