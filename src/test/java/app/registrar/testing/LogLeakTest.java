package app.registrar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.Homeserver;
import app.registrar.api.Network;
import app.registrar.api.ServerApi;
import app.registrar.api.UserUpdate;
import app.registrar.audit.AuditTrail;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.LastSession;
import app.registrar.service.MemoryCredentialStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after every other test class (see junit-platform.properties): the whole suite ran with debug logging, and
 * no log line may contain an access token, a bearer header or a test password. The audit logs every test wrote
 * (under {@code target/audit-logs}) are held to the same rule.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(SynapseExtension.class)
class LogLeakTest {

    @Test
    void noLogLineOfTheWholeRunContainsATokenOrAPassword(TestSynapse synapse) {
        // At least one signed-in call of our own, so the check never passes on an empty log.
        new Homeserver(synapse.url()).auth().loginWithPassword(synapse.adminUser(), synapse.adminPassword());

        assertThat(LogCapture.records()).as("debug logging reached the capture").isPositive();
        assertThat(LogCapture.watchedPasswords()).contains(synapse.adminPassword());
        assertThat(LogCapture.findings()).isEmpty();
    }

    @Test
    void noAuditLogOfTheWholeRunContainsATokenOrAPassword(TestSynapse synapse) throws IOException {
        // One audited change of our own with a watched password, so the check never passes on no audit log at all.
        ConnectionService connection = new ConnectionService(
                new CurrentThreadTaskExecutor(), new MemoryCredentialStore(),
                LastSession.inMemory(), Network.standard(),
                AuditTrail.in(AuditTestLogs.freshDirectory("leak")));
        connection.signIn(ServerApi.describe(synapse.url()), synapse.adminUser(), synapse.adminPassword())
                .onFailure(e -> {
                    throw e;
                }).start();
        String userId = synapse.newUserId("leak-probe");
        connection.homeserver().orElseThrow().admin().createUser(userId,
                new UserUpdate().password("Leak-Probe-Pass-2026!"));
        long before = LogCapture.findings().size();
        long lines = 0;
        try (Stream<Path> files = Files.walk(AuditTestLogs.root())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    LogCapture.inspect(line);
                    lines++;
                }
            }
        }

        assertThat(lines).as("audit lines read").isPositive();
        assertThat(LogCapture.watchedPasswords()).contains("Leak-Probe-Pass-2026!");
        assertThat(LogCapture.findings()).hasSize((int) before);
    }

    @Test
    void theCaptureWouldNoticeATokenOrPassword() {
        long before = LogCapture.findings().size();
        LogCapture.inspect("GET /whoami Authorization: Bearer abcdef");
        LogCapture.inspect("leaked syt_c2VjcmV0_abcdefghijk_0");
        LogCapture.inspect("typed Admin-Pass-2026! by mistake");

        assertThat(LogCapture.findings()).hasSize((int) before + 3);
        LogCapture.forgetLast(3);
    }
}
