package app.registrar.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.Network;
import app.registrar.api.ServerApi;
import app.registrar.api.UserUpdate;
import app.registrar.bulk.BulkAction;
import app.registrar.bulk.BulkService;
import app.registrar.bulk.JobControl;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.LastSession;
import app.registrar.service.MemoryCredentialStore;
import app.registrar.testing.AuditTestLogs;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each row of a bulk run is in the audit trail with the run it belonged to, so one run's rows can be found together. */
@ExtendWith(SynapseExtension.class)
class AuditBulkRunLabelSynapseTest {

    @Test
    void everyRowOfABulkRunNamesTheRunAndItsPlaceInIt(TestSynapse synapse) {
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor(), new MemoryCredentialStore(),
                LastSession.inMemory(), Network.standard(), AuditTrail.in(AuditTestLogs.freshDirectory("bulk-run")));
        connection.signIn(ServerApi.describe(synapse.url()), synapse.adminUser(), synapse.adminPassword())
                .onFailure(e -> {
                    throw e;
                }).start();
        AdminApi admin = synapse.signedInAdmin().admin();
        String first = synapse.newUserId("runrow");
        String second = synapse.newUserId("runrow");
        admin.createUser(first, new UserUpdate().password("Run-Row-Pass-2026!"));
        admin.createUser(second, new UserUpdate().password("Run-Row-Pass-2026!"));
        BulkService bulk = new BulkService(new CurrentThreadTaskExecutor(), connection);

        bulk.runAction(List.of(first, second), BulkAction.LOCK, null, new JobControl(), p -> { }).start();
        bulk.runAction(List.of(first), BulkAction.UNLOCK, null, new JobControl(), p -> { }).start();
        connection.homeserver().orElseThrow().admin().setLocked(second, false);

        List<AuditEntry> entries = connection.auditLog().orElseThrow().read();
        AuditEntry lockFirst = entries.stream().filter(e -> e.action().equals("lock") && e.target().equals(first)).findFirst().orElseThrow();
        AuditEntry lockSecond = entries.stream().filter(e -> e.action().equals("lock") && e.target().equals(second)).findFirst().orElseThrow();
        AuditEntry unlockFirst = entries.stream().filter(e -> e.action().equals("unlock") && e.target().equals(first)).findFirst().orElseThrow();
        AuditEntry single = entries.stream().filter(e -> e.action().equals("unlock") && e.target().equals(second)).findFirst().orElseThrow();
        String run = lockFirst.details().replaceAll(".*bulk run (\\w+), 1 of 2.*", "$1");

        assertThat(lockFirst.details()).matches(".*bulk run \\w{8}, 1 of 2");
        assertThat(lockSecond.details()).endsWith("bulk run " + run + ", 2 of 2");
        assertThat(unlockFirst.details()).matches(".*bulk run \\w{8}, 1 of 1").doesNotContain(run);
        assertThat(single.details()).as("a change outside a run").doesNotContain("bulk run");
    }
}
