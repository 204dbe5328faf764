package app.registrar.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.registrar.api.EncryptionState.DeviceTrust;
import app.registrar.api.EncryptionState.Identity;
import app.registrar.testing.CrossSigningFixture;
import app.registrar.testing.CrossSigningFixture.Session;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sessions and encryption as the admin reads them, against accounts that the test gives a real cross-signing
 * identity and real ed25519-signed devices (the server checks each signature on upload).
 */
@ExtendWith(SynapseExtension.class)
class EncryptionSynapseTest {

    private static final String PASSWORD = "Crypto-Pass-123!";

    private TestSynapse synapse;
    private Homeserver admin;

    @BeforeEach
    void signIn(TestSynapse synapse) {
        this.synapse = synapse;
        this.admin = synapse.signedInAdmin();
    }

    private CrossSigningFixture person(String prefix) {
        String userId = synapse.newUserId(prefix);
        admin.admin().createUser(userId, new UserUpdate().password(PASSWORD));
        return new CrossSigningFixture(synapse, userId, PASSWORD);
    }

    @Test
    void keyQueryShowsSignedDevicesVerifiedAndTheOthersNot() {
        CrossSigningFixture person = person("e2ee");
        Session phone = person.uploadDeviceKeys(person.signIn("Element on phone"));
        Session laptop = person.uploadDeviceKeys(person.signIn("Element Desktop"));
        Session tablet = person.uploadDeviceKeys(person.signIn("Element on tablet"));
        Session script = person.signIn("curl script");
        person.setUpCrossSigning(phone);
        person.verify(phone, phone);
        person.verify(phone, laptop);

        EncryptionState state = admin.encryption().encryptionState(person.userId());

        assertThat(state.identity()).isEqualTo(Identity.VALID);
        assertThat(state.trustOf(phone.deviceId())).isEqualTo(DeviceTrust.VERIFIED);
        assertThat(state.trustOf(laptop.deviceId())).isEqualTo(DeviceTrust.VERIFIED);
        assertThat(state.trustOf(tablet.deviceId())).isEqualTo(DeviceTrust.NOT_VERIFIED);
        assertThat(state.trustOf(script.deviceId())).isEqualTo(DeviceTrust.NO_KEYS);
        assertThat(state.devices()).doesNotContainKey(script.deviceId());
    }

    @Test
    void anAccountThatNeverSetUpCrossSigningHasNoIdentityAndNoVerifiedDevice() {
        CrossSigningFixture person = person("no-identity");
        Session phone = person.uploadDeviceKeys(person.signIn("Element on phone"));

        EncryptionState state = admin.encryption().encryptionState(person.userId());

        assertThat(state.identity()).isEqualTo(Identity.NONE);
        assertThat(state.trustOf(phone.deviceId())).isEqualTo(DeviceTrust.NOT_VERIFIED);
    }

    /**
     * What the admin's permission does on a Synapse without Matrix Authentication Service: the server records it
     * and answers until when, but its key upload still asks the person for their password (Synapse 1.163's
     * {@code SigningKeyUploadServlet} consults the permission only when MAS runs the accounts). The helper's
     * dialog says so instead of promising a reset without confirmation.
     */
    @Test
    void withoutMasTheAllowanceIsRecordedButReplacingKeysStillNeedsThePassword() {
        CrossSigningFixture person = person("reset");
        Session phone = person.uploadDeviceKeys(person.signIn("Element on phone"));
        person.setUpCrossSigning(phone);
        person.verify(phone, phone);

        CrossSigningFixture.Reply refused = person.uploadCrossSigningKeys(phone);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().path("flows").isArray()).as("interactive auth flows in %s", refused.body()).isTrue();
        assertThat(refused.body().path("flows").toString()).contains("m.login.password");

        Instant until = admin.encryption().allowCrossSigningReset(person.userId());
        assertThat(until).isBetween(Instant.now().plus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(11)));

        CrossSigningFixture.Reply stillRefused = person.uploadCrossSigningKeys(phone);
        assertThat(stillRefused.status()).as("reply %s", stillRefused.body()).isEqualTo(401);

        CrossSigningFixture.Reply confirmed = person.uploadCrossSigningKeys(phone, stillRefused.body().path("session").asText());
        assertThat(confirmed.status()).as("reply %s", confirmed.body()).isEqualTo(200);
        EncryptionState after = admin.encryption().encryptionState(person.userId());
        assertThat(after.identity()).isEqualTo(Identity.VALID);
        // The old self-signing key's signature no longer counts under the new identity.
        assertThat(after.trustOf(phone.deviceId())).isEqualTo(DeviceTrust.NOT_VERIFIED);
    }

    @Test
    void allowingAResetForSomeoneWithoutAnIdentityIsNotFound() {
        CrossSigningFixture person = person("reset-none");

        assertThatThrownBy(() -> admin.encryption().allowCrossSigningReset(person.userId()))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND));
    }

    @Test
    void theTestServerWithEmailSettingsCanSendResetMailsAndOffersNoSingleSignOn() {
        Homeserver anonymous = new Homeserver(synapse.url());

        assertThat(anonymous.recovery().canSendPasswordResetMail()).isTrue();
        assertThat(anonymous.recovery().identityProviders()).isEmpty();
    }
}
