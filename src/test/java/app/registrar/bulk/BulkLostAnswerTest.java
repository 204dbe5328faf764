package app.registrar.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AccessToken;
import app.registrar.api.AdminApi;
import app.registrar.api.Homeserver;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, section 4 for bulk rows: a lock whose answer is lost is read back; when the read-back fails too the row
 * is "could not be confirmed" (UNKNOWN), never FAILED, and when it succeeds it tells the truth. MockWebServer, since
 * a real server does not lose answers on demand.
 */
class BulkLostAnswerTest {

    private static final String ALICE = "@alice:example.org";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse reset() {
        return new MockResponse.Builder().code(200).addHeader("Content-Length", "500").body("{\"name\":")
                .onResponseBody(new SocketEffect.CloseSocket(true, true, true)).build();
    }

    private static String alice(boolean locked) {
        return "{\"name\":\"" + ALICE + "\",\"admin\":false,\"deactivated\":false,\"locked\":" + locked + "}";
    }

    private BulkResult lockAlice() throws Exception {
        Homeserver homeserver = new Homeserver(server.url("/"));
        homeserver.useToken(new AccessToken("syt_bW9jaw_mockmockmockmock_0a1b2c"));
        AdminApi api = homeserver.admin();
        BulkReport report = new BulkActionRunner(api, "@admin:example.org")
                .run(List.of(ALICE), BulkAction.LOCK, null, new JobControl(), p -> { });
        return report.results().get(0);
    }

    @Test
    void aLockWhoseAnswerAndReadBackAreLostIsUnknownNotFailed() throws Exception {
        server.enqueue(json(200, alice(false)));   // read first
        server.enqueue(reset());                    // PUT locked: answer lost
        server.enqueue(reset());                    // read-back lost too

        assertThat(lockAlice().outcome()).isEqualTo(BulkResult.Outcome.UNKNOWN);
    }

    @Test
    void aLockWhoseAnswerIsLostButReadBackShowsItLockedIsDone() throws Exception {
        server.enqueue(json(200, alice(false)));
        server.enqueue(reset());
        server.enqueue(json(200, alice(true)));

        assertThat(lockAlice().outcome()).isEqualTo(BulkResult.Outcome.DONE);
    }
}
