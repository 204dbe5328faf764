package app.registrar.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.Network;
import app.registrar.api.ServerApi;
import app.registrar.api.UserUpdate;
import app.registrar.bulk.BulkAction;
import app.registrar.bulk.BulkService;
import app.registrar.bulk.ImportOptions;
import app.registrar.bulk.ImportPreview;
import app.registrar.bulk.JobControl;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.LastSession;
import app.registrar.service.MemoryCredentialStore;
import app.registrar.testing.AuditTestLogs;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void everyRowOfAnImportNamesTheImportRunAndTheFilesRow(TestSynapse synapse, @TempDir Path dir)
            throws Exception {
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor(), new MemoryCredentialStore(),
                LastSession.inMemory(), Network.standard(), AuditTrail.in(AuditTestLogs.freshDirectory("import-run")));
        connection.signIn(ServerApi.describe(synapse.url()), synapse.adminUser(), synapse.adminPassword())
                .onFailure(e -> {
                    throw e;
                }).start();
        String prefix = TestSynapse.uniqueLocalpart("importrow");
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, "user_id,displayname,password\n" + prefix + "-a,A,Import-Row-Pass-1!\n"
                + prefix + "-b,B,Import-Row-Pass-1!\n");
        BulkService bulk = new BulkService(new CurrentThreadTaskExecutor(), connection);
        ImportPreview[] preview = new ImportPreview[1];
        bulk.readImport(csv).onSuccess(p -> preview[0] = p).start();

        bulk.runImport(preview[0], ImportOptions.defaults(), dir.resolve("journals"), null,
                new JobControl(), p -> { }).onFailure(e -> {
                    throw e;
                }).start();

        List<AuditEntry> creates = connection.auditLog().orElseThrow().read().stream()
                .filter(e -> e.action().equals("create")).toList();
        assertThat(creates).hasSize(2);
        String run = creates.get(0).details().replaceAll(".*import run (\\w{8}), .*", "$1");
        assertThat(creates).extracting(AuditEntry::details).containsExactlyInAnyOrder(
                "fields: admin, displayname, password; import run " + run + ", row 1 of 2",
                "fields: admin, displayname, password; import run " + run + ", row 2 of 2");
    }
}
