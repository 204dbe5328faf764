package app.registrar.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.Homeserver;
import app.registrar.api.HttpTransport;
import app.registrar.api.UserUpdate;
import app.registrar.testing.AuditTestLogs;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit room on the real Synapse: one message per recorded change, catching up after the room was off and after
 * a restart, never twice — also when the record of what was sent is lost (a crash between send and record).
 */
@ExtendWith(SynapseExtension.class)
class AuditMirrorSynapseTest {

    /** A server of its own per test would be slow: each test uses its own log folder, and counts only its own IDs. */
    private static final class Session {
        final AuditTrail trail;
        final Homeserver homeserver;
        final String base;

        Session(TestSynapse synapse, Path folder) {
            trail = AuditTrail.in(folder);
            homeserver = synapse.signedInAdmin();
            base = synapse.url().toString();
            String admin = homeserver.auth().whoami();
            homeserver.setWriteObserver(trail.recorderFor(base, admin));
            trail.attachMirror(base, homeserver.unobservedTransport(), synapse.serverName(), admin);
        }
    }

    @Test
    void eachChangeBecomesExactlyOneMessageAlsoAfterARestartAndALostRecord(TestSynapse synapse) throws Exception {
        Path folder = AuditTestLogs.freshDirectory("mirror");
        Session first = new Session(synapse, folder);
        AdminApi admin = first.homeserver.admin();
        String userId = synapse.newUserId("mirrored");

        // Off by default: changes stay in the local log only.
        assertThat(first.trail.isMirrorEnabled(first.base)).isFalse();
        admin.createUser(userId, new UserUpdate().displayName("Mirrored"));
        admin.setLocked(userId, true);
        assertThat(first.trail.catchUpMirror(first.base)).isZero();

        // Switched on: the two earlier entries catch up, and the next change follows.
        first.trail.setMirrorEnabled(first.base, true);
        assertThat(first.trail.catchUpMirror(first.base)).isEqualTo(2);
        admin.setLocked(userId, false);
        first.trail.catchUpMirror(first.base);

        // A restart: a new trail on the same folder, one more change, then catch-up.
        Session second = new Session(synapse, folder);
        second.homeserver.admin().setShadowBanned(userId, true);
        second.trail.catchUpMirror(second.base);
        // A crash right after sending but before noting it: the record of sent IDs is gone.
        Files.delete(folder.resolve(AuditTrail.fileName(second.base) + ".mirrored"));
        assertThat(second.trail.catchUpMirror(second.base)).as("nothing is sent twice").isZero();

        AuditLog log = second.trail.logFor(second.base).orElseThrow();
        List<String> logged = log.read().stream().map(AuditEntry::id).toList();
        List<String> inRoom = roomMessageIds(synapse, first.homeserver.unobservedTransport());

        assertThat(logged).hasSize(4);
        assertThat(inRoom.stream().filter(logged::contains).toList()).as("one message per change")
                .containsExactlyInAnyOrderElementsOf(logged);
        JsonNode room = first.homeserver.unobservedTransport().get(first.homeserver.unobservedTransport()
                .url("_matrix", "client", "v3", "directory", "room", "#registrar-audit:" + synapse.serverName()), JsonNode.class);
        String roomId = room.path("room_id").asText();
        HttpTransport http = first.homeserver.unobservedTransport();
        for (JsonNode member : http.get(http.url("_matrix", "client", "v3", "rooms", roomId, "members"), JsonNode.class).path("chunk")) {
            assertThat(admin.getUser(member.path("state_key").asText()).admin()).as("only admins are in the room").isTrue();
        }
    }

    private static List<String> roomMessageIds(TestSynapse synapse, HttpTransport http) {
        String roomId = http.get(http.url("_matrix", "client", "v3", "directory", "room",
                "#registrar-audit:" + synapse.serverName()), JsonNode.class).path("room_id").asText();
        List<String> ids = new ArrayList<>();
        String from = null;
        do {
            var url = http.url("_matrix", "client", "v3", "rooms", roomId, "messages").newBuilder()
                    .addQueryParameter("dir", "b").addQueryParameter("limit", "500");
            if (from != null) {
                url.addQueryParameter("from", from);
            }
            JsonNode page = http.get(url.build(), JsonNode.class);
            for (JsonNode event : page.path("chunk")) {
                if (event.path("type").asText().equals("m.room.message")) {
                    ids.add(event.path("content").path("app.registrar.audit").path("id").asText());
                }
            }
            from = page.path("chunk").isEmpty() ? null : page.path("end").asText(null);
        } while (from != null);
        return ids;
    }
}
