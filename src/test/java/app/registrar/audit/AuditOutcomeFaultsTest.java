package app.registrar.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.registrar.api.AccessToken;
import app.registrar.api.AdminApi;
import app.registrar.api.HttpTransport;
import app.registrar.api.MatrixApiException;
import app.registrar.testing.AuditTestLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outcomes a real Synapse will not produce on demand (a lost answer, a refused connection) and a log that cannot be
 * written, played by MockWebServer and a broken folder.
 */
class AuditOutcomeFaultsTest {

    private static final String ALICE = "@alice:example.org";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private HttpTransport http;
    private AuditLog log;

    @BeforeEach
    void connect() {
        OkHttpClient fast = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build();
        http = new HttpTransport(server.url("/"), fast);
        http.session().useToken(new AccessToken("syt_YWRtaW4_auditFaultsToken_0a1b2c"));
        AuditTrail trail = AuditTrail.in(AuditTestLogs.freshDirectory("faults"));
        http.setWriteObserver(trail.recorderFor(server.url("/").toString(), "@admin:example.org"));
        log = trail.logFor(server.url("/").toString()).orElseThrow();
    }

    @Test
    void aLockWhoseAnswerNeverComesIsRecordedAsUnconfirmed() {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(3, TimeUnit.SECONDS).build());

        assertThatThrownBy(() -> new AdminApi(http).setLocked(ALICE, true)).isInstanceOf(MatrixApiException.class);

        AuditEntry entry = log.read().get(0);
        assertThat(entry.action()).isEqualTo("lock");
        assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.UNCONFIRMED);
        assertThat(entry.error()).startsWith("TIMEOUT");
    }

    @Test
    void aChangeToAServerThatRefusesTheConnectionIsRecordedAsFailed() throws Exception {
        HttpUrl gone = server.url("/");
        server.close();

        assertThatThrownBy(() -> new AdminApi(http).setLocked(ALICE, true)).isInstanceOf(MatrixApiException.class);

        AuditEntry entry = log.read().get(0);
        assertThat(entry.outcome()).as("nothing left the machine for " + gone).isEqualTo(AuditEntry.Outcome.FAILED);
    }

    @Test
    void aChangeIsNotSentWhenItsAuditLineCannotBeWritten() throws Exception {
        Path blocked = AuditTestLogs.freshDirectory("blocked");
        Files.writeString(blocked.resolve("not-a-folder"), "a file where the log folder should be");
        http.setWriteObserver(AuditTrail.in(blocked.resolve("not-a-folder")).recorderFor(server.url("/").toString(), "@admin:example.org"));

        assertThatThrownBy(() -> new AdminApi(http).setLocked(ALICE, true))
                .isInstanceOf(MatrixApiException.class).hasMessageContaining("audit log");

        assertThat(server.getRequestCount()).as("the lock never left the machine").isZero();
    }
}
