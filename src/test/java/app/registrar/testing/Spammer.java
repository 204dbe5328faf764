package app.registrar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.Homeserver;
import app.registrar.api.HttpTransport;
import app.registrar.api.Threepid;
import app.registrar.api.UserUpdate;
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

/**
 * A real account on the test Synapse that left things behind: rooms it made, messages it sent there as itself, an
 * email, a device, and uploaded files. What is left of it is read back with plain HTTP and the admin's token, not
 * through Registrar's own client.
 */
public final class Spammer {

    private static final String PASSWORD = "Spam-Pass-2026!x";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final String userId;
    public final List<String> rooms = new ArrayList<>();
    private final TestSynapse synapse;
    private final String adminToken;

    /** Creates the account with one room per entry of {@code messagesPerRoom}, that many messages each, and uploads. */
    public Spammer(TestSynapse synapse, String prefix, List<Integer> messagesPerRoom, int uploads) {
        this.synapse = synapse;
        this.adminToken = synapse.signedInAdminToken();
        this.userId = synapse.newUserId(prefix);
        synapse.signedInAdmin().admin().createUser(userId, new UserUpdate().password(PASSWORD)
                .threepids(List.of(Threepid.email(userId.substring(1, userId.indexOf(':')) + "@example.org"))));
        HttpTransport person = new HttpTransport(synapse.url());
        new Homeserver(person).auth().loginWithPassword(userId, PASSWORD);
        int sent = 0;
        for (int r = 0; r < messagesPerRoom.size(); r++) {
            String room = person.post(person.url("_matrix", "client", "v3", "createRoom"), Map.of("name", "Offer " + r),
                    JsonNode.class).path("room_id").asText();
            rooms.add(room);
            for (int i = 0; i < messagesPerRoom.get(r); i++) {
                person.put(person.url("_matrix", "client", "v3", "rooms", room, "send", "m.room.message", "t" + sent++),
                        Map.of("msgtype", "m.text", "body", "spam " + i), JsonNode.class);
            }
        }
        for (int i = 0; i < uploads; i++) {
            person.postBytes(person.url("_matrix", "media", "v3", "upload"), new byte[1000 + i],
                    MediaType.get("application/octet-stream"), JsonNode.class);
        }
    }

    public JsonNode get(String path, Map<String, String> query) throws Exception {
        HttpUrl.Builder url = synapse.url().newBuilder().encodedPath(path);
        query.forEach(url::addQueryParameter);
        Request request = new Request.Builder().url(url.build()).header("Authorization", "Bearer " + adminToken).build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            assertThat(response.code()).as(path).isEqualTo(200);
            return JSON.readTree(response.body().string());
        }
    }

    public static String segment(String value) {
        return HttpUrl.parse("http://x/").newBuilder().addPathSegment(value).build().encodedPath().substring(1);
    }

    /** The account's messages that still have a body, in every room it made. */
    public long readableMessages() throws Exception {
        long count = 0;
        for (String room : rooms) {
            JsonNode page = get("/_synapse/admin/v1/rooms/" + segment(room) + "/messages", Map.of("dir", "b", "limit", "100"));
            for (JsonNode event : page.path("chunk")) {
                if (event.path("sender").asText().equals(userId) && event.path("type").asText().equals("m.room.message")
                        && event.path("content").has("body")) {
                    count++;
                }
            }
        }
        return count;
    }

    /** How many files the account has on the server. */
    public long uploads() throws Exception {
        return get("/_synapse/admin/v1/users/" + segment(userId) + "/media", Map.of()).path("total").asLong();
    }

    public boolean deactivated() throws Exception {
        return get("/_synapse/admin/v2/users/" + segment(userId), Map.of()).path("deactivated").asBoolean();
    }
}
