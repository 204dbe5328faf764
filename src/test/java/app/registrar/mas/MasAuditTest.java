package app.registrar.mas;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.Network;
import app.registrar.api.Threepid;
import app.registrar.api.UserUpdate;
import app.registrar.audit.AuditEntry;
import app.registrar.audit.AuditTrail;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.LastSession;
import app.registrar.service.MemoryCredentialStore;
import app.registrar.store.AccountStore;
import app.registrar.testing.AuditTestLogs;
import app.registrar.testing.MasExtension;
import app.registrar.testing.MasProbe;
import app.registrar.testing.MasSignedIn;
import app.registrar.testing.TestMas;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every change sent to MAS's admin API lands in the audit trail as the action the admin took, named for the Matrix
 * account it changed (MAS's own paths only carry MAS's IDs), and with how it ended — against the real MAS stack.
 */
@ExtendWith(MasExtension.class)
class MasAuditTest {

    @Test
    void masWritesAreRecordedAsTheirActionsForTheAccountTheyChanged(TestMas mas) throws Exception {
        ConnectionService connection = MasSignedIn.asAdmin(mas, new ConnectionService(new CurrentThreadTaskExecutor(),
                new MemoryCredentialStore(), LastSession.inMemory(), Network.standard(),
                AuditTrail.in(AuditTestLogs.freshDirectory("mas"))));
        AccountStore store = connection.accountStore();
        String localpart = TestMas.newLocalpart("audited");
        String userId = "@" + localpart + ":" + mas.serverName();
        String password = "Audit-Mas-Pass-" + UUID.randomUUID();

        store.createUser(userId, new UserUpdate().password(password).threepids(List.of(Threepid.email(localpart + "@example.org"))));
        store.setLocked(userId, true);
        store.setLocked(userId, false);
        store.setAdmin(userId, true);
        store.deactivate(userId, true);

        List<AuditEntry> mine = connection.auditLog().orElseThrow().read().stream()
                .filter(e -> e.target().equals(userId)).toList();
        // Newest first.
        assertThat(mine).extracting(AuditEntry::action)
                .containsSubsequence("erase", "grant-admin", "unlock", "lock", "reset-password", "create");
        assertThat(mine).extracting(AuditEntry::action).doesNotContain("other");
        assertThat(mine).extracting(AuditEntry::outcome).containsOnly(AuditEntry.Outcome.DONE);
        assertThat(mine).extracting(AuditEntry::admin).containsOnly(mas.adminUser());
        // MAS itself agrees the account is erased, read without Registrar's client.
        assertThat(new MasProbe(mas).masUser(localpart).orElseThrow().path("attributes").path("deactivated_at").isNull()).isFalse();
        String logText = Files.readString(connection.auditLog().orElseThrow().file());
        assertThat(logText).doesNotContain(password).doesNotContain(localpart + "@example.org");
    }
}
