package app.registrar.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.registrar.api.AdminApi;
import app.registrar.api.Homeserver;
import app.registrar.api.LoginSession;
import app.registrar.api.MatrixApiException;
import app.registrar.api.Network;
import app.registrar.api.RegistrationToken;
import app.registrar.api.ServerApi;
import app.registrar.api.UserUpdate;
import app.registrar.audit.AuditEntry.Outcome;
import app.registrar.service.AccountService;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every change a signed-in session sends to the real Synapse is in the server's audit log, with who and how it ended. */
@ExtendWith(SynapseExtension.class)
class AuditTrailSynapseTest {

    private static final String PASSWORD = "Audit-Pass-2026!";
    private static final String NEW_PASSWORD = "Audit-New-Pass-2026!";

    private TestSynapse synapse;
    private ConnectionService connection;
    private AuditLog log;

    @BeforeEach
    void signIn(TestSynapse synapse) {
        this.synapse = synapse;
        Path directory = AuditTestLogs.freshDirectory("trail");
        connection = new ConnectionService(new CurrentThreadTaskExecutor(), new MemoryCredentialStore(),
                LastSession.inMemory(), Network.standard(), AuditTrail.in(directory));
        connection.signIn(ServerApi.describe(synapse.url()), synapse.adminUser(), synapse.adminPassword())
                .onFailure(e -> {
                    throw e;
                }).start();
        log = connection.auditLog().orElseThrow();
    }

    private AdminApi api() {
        return connection.homeserver().orElseThrow().admin();
    }

    private String adminId() {
        return connection.session().map(LoginSession::userId).orElseThrow();
    }

    @Test
    void everyAccountTaskIsRecordedWithAdminActionTargetAndOutcome() {
        String userId = synapse.newUserId("audited");
        api().createUser(userId, new UserUpdate().password(PASSWORD).displayName("Audited Person"));
        api().modifyUser(userId, new UserUpdate().displayName("Renamed Person"));
        api().addEmail(userId, "audited@example.org");
        api().resetPassword(userId, NEW_PASSWORD, false);
        api().setLocked(userId, true);
        api().setLocked(userId, false);
        api().setSuspended(userId, true);
        api().setShadowBanned(userId, true);
        api().setAdmin(userId, true);
        api().setAdmin(userId, false);
        String device = new Homeserver(synapse.url()).auth().loginWithPassword(userId, NEW_PASSWORD).deviceId();
        api().deleteDevice(userId, device);
        api().deactivate(userId, false);
        api().reactivate(userId, PASSWORD);
        api().deactivate(userId, true);

        List<AuditEntry> entries = log.forAccount(userId, 100);

        assertThat(entries).extracting(AuditEntry::action).containsExactly("erase", "reactivate", "deactivate",
                "sign-out-device", "revoke-admin", "grant-admin", "shadow-ban", "suspend", "unlock", "lock",
                "reset-password", "edit", "edit", "create");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.admin()).isEqualTo(adminId());
            assertThat(entry.outcome()).isEqualTo(Outcome.DONE);
            assertThat(entry.finished()).isAfterOrEqualTo(entry.sent());
        });
        assertThat(entries.get(3).details()).isEqualTo("device " + device);
        assertThat(entries.get(11).details()).isEqualTo("fields: threepids");
        assertThat(entries.get(12).details()).isEqualTo("fields: displayname");
        assertThat(entries.get(13).details()).contains("password", "displayname");
    }

    @Test
    void aChangeTheServerRefusesIsRecordedAsFailedWithItsErrcode() {
        String remote = "@someone:elsewhere.example";

        assertThatThrownBy(() -> api().setLocked(remote, true)).isInstanceOf(MatrixApiException.class);

        AuditEntry entry = log.forAccount(remote, 1).get(0);
        assertThat(entry.action()).isEqualTo("lock");
        assertThat(entry.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(entry.error()).contains("400");
    }

    @Test
    void theLogNeverHoldsAPasswordTokenOrInvitation() throws Exception {
        String userId = synapse.newUserId("secret");
        api().createUser(userId, new UserUpdate().password(PASSWORD));
        api().resetPassword(userId, NEW_PASSWORD, true);
        RegistrationToken invite = api().createRegistrationToken(null, 1, null, null);
        api().deleteRegistrationToken(invite.token());

        String text = Files.readString(log.file());

        assertThat(text).contains(userId).contains("create-invite").contains("delete-invite")
                .doesNotContain(PASSWORD).doesNotContain(NEW_PASSWORD).doesNotContain(invite.token())
                .doesNotContain(connection.session().orElseThrow().accessToken().reveal());
    }

    @Test
    void changesThroughTheAccountServiceAreRecordedToo() {
        String userId = synapse.newUserId("viaservice");
        api().createUser(userId, new UserUpdate().password(PASSWORD));
        AccountService accounts = new AccountService(new CurrentThreadTaskExecutor(), connection);

        accounts.setShadowBanned(userId, true).start();
        accounts.setShadowBanned(userId, false).start();

        assertThat(log.forAccount(userId, 10)).extracting(AuditEntry::action)
                .containsExactly("unshadow-ban", "shadow-ban", "create");
    }

    @Test
    void signingOutOfRegistrarIsNotAnAccountChange() {
        long before = log.read().size();

        connection.signOut(true).start();

        assertThat(log.read()).hasSize((int) before);
    }
}
