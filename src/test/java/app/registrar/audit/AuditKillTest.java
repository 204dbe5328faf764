package app.registrar.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.UserUpdate;
import app.registrar.testing.AuditTestLogs;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kills (SIGKILL, by pid) a JVM in the middle of a bulk run and compares its audit log with what the real Synapse
 * says happened: every account the server shows changed has its line, written before the request left.
 */
@ExtendWith(SynapseExtension.class)
class AuditKillTest {

    private static final int ACCOUNTS = 60;

    @Test
    void killingTheJvmMidBulkRunLeavesALineForEveryRequestTheServerReceived(TestSynapse synapse) throws Exception {
        AdminApi admin = synapse.signedInAdmin().admin();
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String userId = synapse.newUserId("killed-run");
            admin.createUser(userId, new UserUpdate().displayName("Bulk " + i));
            accounts.add(userId);
        }
        Path directory = AuditTestLogs.freshDirectory("kill");
        Path list = Files.write(directory.resolve("accounts.txt"), accounts);
        AuditLog log = AuditTrail.in(directory).logFor(synapse.url().toString()).orElseThrow();

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AuditedBulkRun.class.getName(),
                synapse.url().toString(), directory.toString(), list.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("child.out").toFile()).start();
        try (OutputStream stdin = child.getOutputStream()) {
            stdin.write((synapse.signedInAdminToken() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (sentLines(log) < ACCOUNTS / 4 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("the run was still going when it was killed").isTrue();
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(child.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        Set<String> lockedOnServer = accounts.stream().filter(id -> admin.getUser(id).locked()).collect(Collectors.toSet());
        List<AuditEntry> entries = log.read();
        Set<String> recorded = entries.stream().filter(e -> e.action().equals("lock")).map(AuditEntry::target)
                .collect(Collectors.toSet());
        Set<String> recordedDone = entries.stream().filter(e -> e.outcome() == AuditEntry.Outcome.DONE)
                .map(AuditEntry::target).collect(Collectors.toSet());

        assertThat(lockedOnServer).as("some accounts were locked before the kill, not all").isNotEmpty()
                .hasSizeLessThan(ACCOUNTS);
        assertThat(recorded).as("every account the server shows locked has its line").containsAll(lockedOnServer);
        assertThat(lockedOnServer).as("every change recorded as done really happened").containsAll(recordedDone);
        assertThat(entries.stream().filter(AuditEntry::open).count())
                .as("at most the one request in flight lacks its outcome").isLessThanOrEqualTo(1);
        assertThat(entries).allSatisfy(e -> assertThat(e.admin()).isEqualTo(synapse.adminUser().startsWith("@")
                ? synapse.adminUser() : "@" + synapse.adminUser() + ":" + synapse.serverName()));
    }

    private static long sentLines(AuditLog log) {
        try {
            return Files.exists(log.file()) ? Files.readAllLines(log.file()).stream().filter(l -> l.contains("\"sent\"")).count() : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
