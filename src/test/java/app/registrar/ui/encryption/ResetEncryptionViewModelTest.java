package app.registrar.ui.encryption;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.UserUpdate;
import app.registrar.service.SecurityService;
import app.registrar.testing.CrossSigningFixture;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The encryption-reset helper against the real Synapse: the permission's moment comes from the server's answer,
 * shown as a local time with a countdown; on a server without MAS nothing is sent and the texts say why.
 */
@ExtendWith(SynapseExtension.class)
class ResetEncryptionViewModelTest {

    private static final String PASSWORD = "Reset-Pass-123!";
    private static final ZoneId ZONE = ZoneOffset.ofHours(2);

    private TestSynapse synapse;
    private SecurityService security;
    private final FakeDialogService dialogs = new FakeDialogService();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    @BeforeEach
    void setUp(TestSynapse synapse) {
        this.synapse = synapse;
        SignedIn signedIn = SignedIn.asAdmin(synapse);
        security = new SecurityService(signedIn.accounts().executor(), signedIn.connection());
    }

    private String personWithIdentity() {
        String userId = synapse.newUserId("reset-vm");
        synapse.signedInAdmin().admin().createUser(userId, new UserUpdate().password(PASSWORD));
        CrossSigningFixture person = new CrossSigningFixture(synapse, userId, PASSWORD);
        person.setUpCrossSigning(person.uploadDeviceKeys(person.signIn("Element")));
        return userId;
    }

    @Test
    void allowingShowsTheServersDeadlineAsLocalTimeAndCountsDown() {
        String userId = personWithIdentity();
        ResetEncryptionViewModel model = new ResetEncryptionViewModel(security, dialogs, userId, true, now::get, ZONE);

        model.allow();

        Instant until = model.allowedUntilProperty().get();
        assertThat(model.errorProperty().get()).isNull();
        assertThat(until).isAfter(Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(model.untilTextProperty().get())
                .isEqualTo(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).format(until.atZone(ZONE)));
        now.set(until.minusSeconds(125));
        model.tick();
        assertThat(model.countdownProperty().get()).isEqualTo(tr("reset.encryption.left", 2L, "05"));
        assertThat(model.expiredProperty().get()).isFalse();
        now.set(until.plusSeconds(1));
        model.tick();
        assertThat(model.expiredProperty().get()).isTrue();
        assertThat(model.countdownProperty().get()).isEqualTo(tr("reset.encryption.expired"));
        assertThat(model.message()).contains(model.untilTextProperty().get()).contains(tr("reset.encryption.steps.mas"));
    }

    @Test
    void someoneWithoutAnIdentityGetsAPlainSentenceNotAnErrcode() {
        String userId = synapse.newUserId("reset-vm-none");
        synapse.signedInAdmin().admin().createUser(userId, new UserUpdate().password(PASSWORD));
        ResetEncryptionViewModel model = new ResetEncryptionViewModel(security, dialogs, userId, true, now::get, ZONE);

        model.allow();

        assertThat(model.allowedUntilProperty().get()).isNull();
        assertThat(model.errorProperty().get().message()).isEqualTo(tr("reset.encryption.none", userId));
        assertThat(model.errorProperty().get().message()).doesNotContain("M_NOT_FOUND");
    }

    @Test
    void onASynapseWithoutMasItSendsNothingAndSaysThePersonConfirmsWithTheirPassword() {
        String userId = personWithIdentity();
        ResetEncryptionViewModel model = new ResetEncryptionViewModel(security, dialogs, userId, false, now::get, ZONE);

        model.allow();

        assertThat(model.canAllow()).isFalse();
        assertThat(model.allowedUntilProperty().get()).isNull();
        assertThat(model.allowsText()).isEqualTo(tr("reset.encryption.allows.plain", userId));
        assertThat(model.message()).contains(tr("reset.encryption.steps.plain")).contains(tr("reset.encryption.loses"));
    }

    @Test
    void copyPutsTheMessageOnTheClipboardOnlyWhenAsked() {
        ResetEncryptionViewModel model = new ResetEncryptionViewModel(security, dialogs, "@x:localhost", false, now::get, ZONE);
        assertThat(dialogs.clipboard).isEmpty();

        model.copyMessage();

        assertThat(dialogs.clipboard).containsExactly(model.message());
    }
}
