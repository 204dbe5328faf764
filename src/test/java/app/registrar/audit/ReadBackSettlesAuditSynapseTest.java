package app.registrar.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.Network;
import app.registrar.api.ServerApi;
import app.registrar.api.UserDetails;
import app.registrar.api.UserUpdate;
import app.registrar.model.PasswordPolicy;
import app.registrar.service.AccountService;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.LastSession;
import app.registrar.service.MemoryCredentialStore;
import app.registrar.testing.AuditTestLogs;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.LosingRelay;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.details.AccountDetailsViewModel;
import app.registrar.ui.details.DeviceRow;
import app.registrar.ui.edituser.EditUserViewModel;
import app.registrar.ui.password.ResetPasswordViewModel;
import app.registrar.ui.reactivate.ReactivateViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14: every change whose answer was lost is "could not be confirmed" in the audit trail until the read-back
 * (automatic, or "Check again") tells what happened; then the entry says done or failed. The real Synapse sits
 * behind a relay that loses the one answer (or the one request) the test picks, a fault the real server cannot give
 * on demand; what the read-back finds is the server's real state, and the state is checked again directly.
 */
@ExtendWith(SynapseExtension.class)
class ReadBackSettlesAuditSynapseTest {

    private TestSynapse synapse;
    private AdminApi direct;
    private LosingRelay relay;
    private AccountService accounts;
    private AuditLog log;
    private final FakeDialogService dialogs = new FakeDialogService();

    @BeforeEach
    void signInThroughTheRelay(TestSynapse synapse) throws Exception {
        this.synapse = synapse;
        direct = synapse.signedInAdmin().admin();
        relay = new LosingRelay(synapse.url());
        AuditTrail trail = AuditTrail.in(AuditTestLogs.freshDirectory("read-back"));
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor(), new MemoryCredentialStore(),
                LastSession.inMemory(), Network.standard(), trail);
        connection.signIn(ServerApi.describe(relay.url()), synapse.adminUser(), synapse.adminPassword()).onFailure(e -> {
            throw e;
        }).start();
        accounts = new AccountService(new CurrentThreadTaskExecutor(), connection);
        log = trail.logFor(relay.url().toString()).orElseThrow();
    }

    @AfterEach
    void closeRelay() throws Exception {
        relay.close();
    }

    private String account(String prefix) {
        String userId = synapse.newUserId(prefix);
        direct.createUser(userId, new UserUpdate().password("Read-Back-Pass-1").displayName("Read Back"));
        return userId;
    }

    private static String localpart(String userId) {
        return userId.substring(1, userId.indexOf(':'));
    }

    private AuditEntry entry(String userId, String action) {
        return log.read().stream().filter(e -> e.target().equals(userId) && e.action().equals(action))
                .findFirst().orElseThrow(() -> new AssertionError("no " + action + " entry for " + userId + ": " + log.read()));
    }

    private AccountDetailsViewModel details(String userId) {
        AccountDetailsViewModel model = new AccountDetailsViewModel(accounts, dialogs, () -> { });
        model.show(userId);
        return model;
    }

    @Test
    void aLockWhoseAnswerWasLostIsDoneOnceTheReadBackFindsTheAccountLocked() {
        String userId = account("rb-lock");
        AccountDetailsViewModel model = details(userId);

        relay.loseAnswerOfNext("PUT", localpart(userId));
        dialogs.answer(true);
        model.toggleLocked();

        assertThat(direct.getUser(userId).locked()).as("the server did lock it").isTrue();
        assertThat(entry(userId, "lock").outcome()).isEqualTo(AuditEntry.Outcome.DONE);
        assertThat(entry(userId, "lock").error()).isEqualTo("confirmed by reading the account back");
    }

    @Test
    void aLockThatNeverReachedTheServerIsFailedOnceTheReadBackFindsTheAccountUnlocked() {
        String userId = account("rb-nolock");
        AccountDetailsViewModel model = details(userId);

        relay.loseNext("PUT", localpart(userId));
        dialogs.answer(true);
        model.toggleLocked();

        assertThat(direct.getUser(userId).locked()).isFalse();
        assertThat(entry(userId, "lock").outcome()).isEqualTo(AuditEntry.Outcome.FAILED);
        assertThat(entry(userId, "lock").error()).startsWith("not made");
    }

    @Test
    void anUnlockSuspendAndShadowBanWhoseAnswersWereLostAreEachDoneAfterTheirReadBacks() {
        String userId = account("rb-flags");
        direct.setLocked(userId, true);
        AccountDetailsViewModel model = details(userId);

        relay.loseAnswerOfNext("PUT", localpart(userId));
        dialogs.answer(true);
        model.toggleLocked();
        relay.loseAnswerOfNext("PUT", "/suspend/");
        dialogs.answer(true);
        model.toggleSuspended();
        relay.loseAnswerOfNext("POST", "/shadow_ban");
        dialogs.answer(true);
        model.toggleShadowBanned();

        UserDetails after = direct.getUser(userId);
        assertThat(after.locked()).isFalse();
        assertThat(after.suspended()).isTrue();
        assertThat(after.shadowBanned()).isTrue();
        assertThat(entry(userId, "unlock").outcome()).isEqualTo(AuditEntry.Outcome.DONE);
        assertThat(entry(userId, "suspend").outcome()).isEqualTo(AuditEntry.Outcome.DONE);
        assertThat(entry(userId, "shadow-ban").outcome()).isEqualTo(AuditEntry.Outcome.DONE);
    }

    @Test
    void aDeviceSignOutWhoseAnswerWasLostIsDoneOnceTheDeviceIsGoneFromTheReadBack() {
        String userId = account("rb-device");
        String deviceId = synapse.signIn(synapse.signedInAdmin(), localpart(userId), "Read-Back-Pass-1").deviceId();
        AccountDetailsViewModel model = details(userId);
        DeviceRow device = model.getDevices().stream().filter(d -> d.deviceId().equals(deviceId)).findFirst().orElseThrow();

        relay.loseAnswerOfNext("DELETE", "/devices/");
        dialogs.answer(true);
        model.removeDevice(device);

        assertThat(direct.devices(userId)).noneMatch(d -> d.deviceId().equals(deviceId));
        assertThat(entry(userId, "sign-out-device").outcome()).isEqualTo(AuditEntry.Outcome.DONE);
    }

    @Test
    void aReactivationWhoseAnswerWasLostIsDoneOnceTheReadBackFindsTheAccountActive() {
        String userId = account("rb-react");
        direct.deactivate(userId, false);
        ReactivateViewModel model = new ReactivateViewModel(accounts, dialogs, userId, PasswordPolicy.none(), true,
                () -> { });
        model.getPassword().passwordProperty().set("Back-Again-Pass-26");

        relay.loseAnswerOfNext("PUT", localpart(userId));
        model.reactivate();

        assertThat(direct.getUser(userId).deactivated()).isFalse();
        assertThat(entry(userId, "reactivate").outcome()).isEqualTo(AuditEntry.Outcome.DONE);
    }

    @Test
    void aPasswordResetWhoseAnswerWasLostIsDoneOnceTheSamePasswordWasSentAgainAndAccepted() {
        String userId = account("rb-reset");
        ResetPasswordViewModel model = new ResetPasswordViewModel(accounts, dialogs, userId, PasswordPolicy.none(), true,
                () -> { });
        model.getPassword().passwordProperty().set("Reset-Again-Pass-26");

        relay.loseAnswerOfNext("POST", "/reset_password/");
        model.save();
        AuditEntry.Outcome whileUnknown = entry(userId, "reset-password").outcome();
        model.getOutcome().checkAgain();

        java.util.List<AuditEntry> resets = log.read().stream()
                .filter(e -> e.target().equals(userId) && e.action().equals("reset-password")).toList();
        assertThat(whileUnknown).isEqualTo(AuditEntry.Outcome.UNCONFIRMED);
        assertThat(resets).as("the lost reset and the one sent again").hasSize(2)
                .allMatch(e -> e.outcome() == AuditEntry.Outcome.DONE);
        assertThat(resets.get(1).error()).isEqualTo("the same change was sent again and accepted");
        assertThat(synapse.signIn(synapse.signedInAdmin(), localpart(userId), "Reset-Again-Pass-26").userId())
                .as("the person signs in with the new password").isEqualTo(userId);
    }

    @Test
    void grantingAdminRightsWhoseAnswerWasLostIsDoneOnceTheReadBackFindsThemGranted() {
        String userId = account("rb-admin");
        EditUserViewModel model = EditUserViewModel.forEdit(accounts, dialogs, synapse.adminUser(), PasswordPolicy.none(),
                direct.getUser(userId), saved -> { });
        model.adminProperty().set(true);

        relay.loseAnswerOfNext("PUT", localpart(userId));
        dialogs.answer(true, true);
        model.save();

        assertThat(direct.getUser(userId).admin()).isTrue();
        assertThat(entry(userId, "grant-admin").outcome()).isEqualTo(AuditEntry.Outcome.DONE);
    }
}
