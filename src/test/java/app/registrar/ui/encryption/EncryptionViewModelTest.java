package app.registrar.ui.encryption;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.ExternalId;
import app.registrar.api.Threepid;
import app.registrar.api.UserDetails;
import app.registrar.api.UserUpdate;
import app.registrar.service.SecurityService;
import app.registrar.testing.CrossSigningFixture;
import app.registrar.testing.CrossSigningFixture.Session;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The panel's security and recovery part against the real Synapse, with real cross-signed test accounts. */
@ExtendWith(SynapseExtension.class)
class EncryptionViewModelTest {

    private static final String PASSWORD = "Panel-Pass-123!";

    private TestSynapse synapse;
    private SignedIn signedIn;
    private EncryptionViewModel model;

    @BeforeEach
    void setUp(TestSynapse synapse) {
        this.synapse = synapse;
        signedIn = SignedIn.asAdmin(synapse);
        SecurityService security = new SecurityService(signedIn.accounts().executor(), signedIn.connection());
        model = new EncryptionViewModel(security, new FakeDialogService(), true, false, Instant::now);
    }

    private UserDetails create(String prefix, UserUpdate fields) {
        String userId = synapse.newUserId(prefix);
        return synapse.signedInAdmin().admin().createUser(userId, fields.password(PASSWORD));
    }

    @Test
    void eachDeviceShowsVerifiedNotVerifiedOrNoEncryptionAsItsSignaturesSay() {
        UserDetails user = create("panel", new UserUpdate());
        CrossSigningFixture person = new CrossSigningFixture(synapse, user.userId(), PASSWORD);
        Session phone = person.uploadDeviceKeys(person.signIn("Element on phone"));
        Session tablet = person.uploadDeviceKeys(person.signIn("Element on tablet"));
        Session bot = person.signIn("A script");
        person.setUpCrossSigning(phone);
        person.verify(phone, phone);

        model.show(user);

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.identityTextProperty().get()).isEqualTo(tr("encryption.identity.valid"));
        assertThat(model.trustText(phone.deviceId())).isEqualTo(tr("encryption.device.verified"));
        assertThat(model.trustText(tablet.deviceId())).isEqualTo(tr("encryption.device.not.verified"));
        assertThat(model.trustText(bot.deviceId())).isEqualTo(tr("encryption.device.no.keys"));
        assertThat(model.canOfferReset()).isTrue();
    }

    @Test
    void aPersonWithoutCrossSigningIsSaidToHaveNoIdentityAndGetsNoResetOffer() {
        UserDetails user = create("panel-none", new UserUpdate());
        CrossSigningFixture person = new CrossSigningFixture(synapse, user.userId(), PASSWORD);
        Session phone = person.uploadDeviceKeys(person.signIn("Element on phone"));

        model.show(user);

        assertThat(model.identityTextProperty().get()).isEqualTo(tr("encryption.identity.none"));
        assertThat(model.trustText(phone.deviceId())).isEqualTo(tr("encryption.device.not.verified"));
        assertThat(model.canOfferReset()).isFalse();
    }

    @Test
    void recoveryLineSaysEmailResetWithAMaskedAddressOnThisServerWhichCanSendResetMails() {
        UserDetails user = create("rec-mail", new UserUpdate().threepids(List.of(Threepid.email("rita@example.org"))));

        model.show(user);

        assertThat(model.recoveryLineProperty().get()).isEqualTo(tr("recovery.email", "r…@example.org"));
    }

    @Test
    void recoveryLineNamesTheSingleSignOnProviderOfAnSsoAccount() {
        UserDetails user = create("rec-sso", new UserUpdate()
                .externalIds(List.of(new ExternalId("oidc-github", "gh-" + System.nanoTime())))
                .threepids(List.of(Threepid.email("sam@example.org"))));

        model.show(user);

        // The test server offers no provider on its login page, so its ID stands in for the name.
        assertThat(model.recoveryLineProperty().get()).isEqualTo(tr("recovery.sso", "oidc-github"));
    }

    @Test
    void recoveryLineSaysOnlyAnAdminCanHelpWithoutAnEmail() {
        UserDetails user = create("rec-none", new UserUpdate());

        model.show(user);

        assertThat(model.recoveryLineProperty().get()).isEqualTo(tr("recovery.admin.only"));
    }
}
