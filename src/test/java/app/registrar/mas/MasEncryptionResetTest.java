package app.registrar.mas;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.SecurityService;
import app.registrar.testing.CrossSigningFixture;
import app.registrar.testing.CrossSigningFixture.Reply;
import app.registrar.testing.CrossSigningFixture.Session;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.MasExtension;
import app.registrar.testing.MasProbe;
import app.registrar.testing.MasSignedIn;
import app.registrar.testing.TestMas;
import app.registrar.ui.encryption.ResetEncryptionViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Let them reset their encryption" on a server whose accounts MAS owns, against the real MAS stack: the person's
 * own client (real ed25519 keys, signed in through MAS's compatibility endpoint) is refused a replacement of their
 * cross-signing keys — 401 with interactive-auth flows — until the admin allowed it through Registrar's dialog, and
 * is accepted after, with nothing else sent. Synapse honours the allowance only on MAS servers (on a plain Synapse
 * the password is still asked: EncryptionSynapseTest).
 */
@ExtendWith(MasExtension.class)
class MasEncryptionResetTest {

    @Test
    void replacingKeysIsRefusedUntilTheAdminAllowedItAndAcceptedAfter(TestMas mas) {
        MasProbe probe = new MasProbe(mas);
        String localpart = TestMas.newLocalpart("xsign");
        String password = "Mas-" + UUID.randomUUID();
        probe.createAccount(localpart, password);
        String userId = "@" + localpart + ":" + mas.serverName();
        probe.awaitSynapseUser(userId, u -> true);
        CrossSigningFixture person = new CrossSigningFixture(mas, userId, password);
        Session phone = person.uploadDeviceKeys(person.signIn("Element on phone"));
        person.setUpCrossSigning(phone);

        Reply refused = person.uploadCrossSigningKeys(phone);

        assertThat(refused.status()).as("reply %s", refused.body()).isEqualTo(401);
        assertThat(refused.body().path("flows").isArray()).as("interactive auth flows in %s", refused.body()).isTrue();
        // Without the allowance, MAS's own approval page (where the person must sign in again) is the only way through.
        assertThat(refused.body().path("flows").toString()).contains("org.matrix.cross_signing_reset");

        ConnectionService connection = MasSignedIn.asAdmin(mas);
        ResetEncryptionViewModel dialog = new ResetEncryptionViewModel(
                new SecurityService(new CurrentThreadTaskExecutor(), connection), new FakeDialogService(), userId,
                connection.mas().isPresent(), Instant::now);
        assertThat(dialog.canAllow()).as("the dialog offers the allowance on a MAS server").isTrue();
        dialog.allow();

        assertThat(dialog.errorProperty().get()).isNull();
        assertThat(dialog.allowedUntilProperty().get())
                .isBetween(Instant.now().plus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(11)));
        Reply accepted = person.uploadCrossSigningKeys(phone);
        assertThat(accepted.status()).as("reply %s", accepted.body()).isEqualTo(200);
    }
}
