package app.registrar.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.Network;
import app.registrar.service.AccountService;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.LastSession;
import app.registrar.service.MemoryCredentialStore;
import app.registrar.testing.AuditTestLogs;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FakeSession;
import app.registrar.ui.deactivate.DeactivateViewModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change whose answer was lost is "could not be confirmed" in the audit trail; once "Check again" reads the
 * account back, the entry takes the real outcome. MockWebServer plays the lost answers, which a real server will not
 * give on demand.
 */
class AuditCheckAgainTest {

    private static final String ADMIN = "@admin:example.org";
    private static final String ALICE = "@alice:example.org";
    private static final String ALICE_PATH = "/_synapse/admin/v2/users/%40alice%3Aexample.org";

    /** Answers queued per "METHOD path"; a request with nothing queued gets its connection cut mid-answer. */
    private final Map<String, LinkedBlockingQueue<MockResponse>> answers = new ConcurrentHashMap<>();

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final FakeDialogService dialogs = new FakeDialogService();
    private AccountService accounts;
    private AuditLog log;

    @BeforeEach
    void signIn() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                LinkedBlockingQueue<MockResponse> queue = answers.get(request.getMethod() + " " + request.getUrl().encodedPath());
                MockResponse answer = queue == null ? null : queue.poll();
                return answer != null ? answer : new MockResponse.Builder().code(200).addHeader("Content-Length", "500")
                        .body("{\"name\":").onResponseBody(new SocketEffect.CloseSocket(true, true, true)).build();
            }
        });
        answer("POST /_matrix/client/v3/login", json("{\"user_id\":\"" + ADMIN
                + "\",\"access_token\":\"syt_YWRtaW4_checkAgainToken_0\",\"device_id\":\"D\"}"));
        answer("GET /_synapse/admin/v2/users/%40admin%3Aexample.org", json("{\"name\":\"" + ADMIN + "\",\"admin\":true}"));
        AuditTrail trail = AuditTrail.in(AuditTestLogs.freshDirectory("check-again"));
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor(), new MemoryCredentialStore(),
                LastSession.inMemory(), Network.standard(), trail);
        FakeSession.signInDirectly(connection, server.url("/"));
        accounts = new AccountService(new CurrentThreadTaskExecutor(), connection);
        log = trail.logFor(server.url("/").toString()).orElseThrow();
    }

    private void answer(String key, MockResponse response) {
        answers.computeIfAbsent(key, k -> new LinkedBlockingQueue<>()).add(response);
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static String alice(boolean deactivated) {
        return "{\"name\":\"" + ALICE + "\",\"threepids\":[],\"external_ids\":[],\"admin\":false,\"deactivated\":"
                + deactivated + "}";
    }

    private AuditEntry deactivation() {
        return log.read().stream().filter(e -> e.action().equals("deactivate")).findFirst().orElseThrow();
    }

    @Test
    void aCheckAgainThatFindsTheAccountDeactivatedMarksTheEntryDone() {
        DeactivateViewModel model = new DeactivateViewModel(accounts, dialogs, ALICE, ADMIN, () -> { });
        model.typedUserIdProperty().set(ALICE);
        model.deactivate();
        AuditEntry.Outcome beforeCheck = deactivation().outcome();

        answer("GET " + ALICE_PATH, json(alice(true)));
        model.getOutcome().checkAgain();

        assertThat(beforeCheck).isEqualTo(AuditEntry.Outcome.UNCONFIRMED);
        assertThat(deactivation().outcome()).isEqualTo(AuditEntry.Outcome.DONE);
        assertThat(deactivation().error()).isEqualTo("confirmed by reading the account back");
        assertThat(log.read().stream().filter(e -> e.action().equals("deactivate"))).as("one entry, not two").hasSize(1);
    }

    @Test
    void aCheckAgainThatFindsTheAccountActiveMarksTheEntryFailed() {
        DeactivateViewModel model = new DeactivateViewModel(accounts, dialogs, ALICE, ADMIN, () -> { });
        model.typedUserIdProperty().set(ALICE);
        model.deactivate();

        answer("GET " + ALICE_PATH, json(alice(false)));
        model.getOutcome().checkAgain();

        assertThat(deactivation().outcome()).isEqualTo(AuditEntry.Outcome.FAILED);
        assertThat(deactivation().error()).startsWith("not made");
    }
}
