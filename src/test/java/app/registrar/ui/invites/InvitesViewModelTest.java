package app.registrar.ui.invites;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.RegistrationToken;
import app.registrar.service.SecurityService;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The invitations screen against the real Synapse: each create, edit and revoke is read back through the admin
 * API on a separate connection, not only from the screen's list.
 */
@ExtendWith(SynapseExtension.class)
class InvitesViewModelTest {

    private static final ZoneId ZONE = ZoneOffset.UTC;

    private final FakeDialogService dialogs = new FakeDialogService();
    private InvitesViewModel model;
    private AdminApi check;

    @BeforeEach
    void setUp(TestSynapse synapse) {
        SignedIn signedIn = SignedIn.asAdmin(synapse);
        model = new InvitesViewModel(new SecurityService(signedIn.accounts().executor(), signedIn.connection()), dialogs,
                synapse.url().toString(), synapse.serverName(), Instant::now, ZONE);
        check = synapse.signedInAdmin().admin();
    }

    private Optional<RegistrationToken> onServer(String token) {
        return check.registrationTokens().stream().filter(t -> t.token().equals(token)).findFirst();
    }

    @Test
    void createsARandomTokenOfTheChosenLengthWithUsesAndExpiry() {
        LocalDate day = LocalDate.now(ZONE).plusDays(7);
        model.usesProperty().set("3");
        model.expiresOnProperty().set(day);
        model.lengthProperty().set("24");

        model.save();

        RegistrationToken created = model.selectedProperty().get();
        assertThat(model.errorProperty().get()).isNull();
        assertThat(created.token()).hasSize(24);
        RegistrationToken stored = onServer(created.token()).orElseThrow();
        assertThat(stored.usesAllowed()).isEqualTo(3);
        assertThat(stored.expiresAt()).isEqualTo(day.plusDays(1).atStartOfDay(ZONE).toInstant());
        assertThat(model.usesProperty().get()).as("the form is cleared for the next one").isEmpty();
    }

    @Test
    void createsAChosenTokenThenEditsItsUsesAndExpiryThenRevokesIt() {
        String chosen = "team-" + UUID.randomUUID().toString().substring(0, 8);
        model.chooseTokenProperty().set(true);
        model.chosenTokenProperty().set(chosen);
        model.save();
        assertThat(onServer(chosen)).hasValueSatisfying(t -> {
            assertThat(t.usesAllowed()).isNull();
            assertThat(t.expiresAt()).isNull();
        });

        model.load();
        model.selectedProperty().set(model.getTokens().stream().filter(t -> t.token().equals(chosen)).findFirst().orElseThrow());
        model.beginEdit();
        model.usesProperty().set("10");
        model.expiresOnProperty().set(LocalDate.now(ZONE).plusDays(30));
        model.save();
        assertThat(onServer(chosen)).hasValueSatisfying(t -> {
            assertThat(t.usesAllowed()).isEqualTo(10);
            assertThat(t.expiresAt()).isEqualTo(LocalDate.now(ZONE).plusDays(31).atStartOfDay(ZONE).toInstant());
        });
        assertThat(model.getTokens()).filteredOn(t -> t.token().equals(chosen)).singleElement()
                .satisfies(t -> assertThat(t.usesAllowed()).isEqualTo(10));

        dialogs.answer(true);
        model.revoke();
        assertThat(onServer(chosen)).isEmpty();
        assertThat(model.getTokens()).noneMatch(t -> t.token().equals(chosen));
        assertThat(dialogs.confirmations).last().satisfies(c -> assertThat(c.header()).contains(chosen));
    }

    @Test
    void keepingTheInviteWhenAskedLeavesItOnTheServer() {
        String chosen = "keep-" + UUID.randomUUID().toString().substring(0, 8);
        model.chooseTokenProperty().set(true);
        model.chosenTokenProperty().set(chosen);
        model.save();

        dialogs.answer(false);
        model.revoke();

        assertThat(onServer(chosen)).isPresent();
    }

    @Test
    void badInputGetsASentenceAndNothingIsSent() {
        model.usesProperty().set("three");
        assertThat(model.problemProperty().get()).isEqualTo(tr("invites.problem.uses"));
        model.usesProperty().set("");
        model.expiresOnProperty().set(LocalDate.now(ZONE).minusDays(1));
        assertThat(model.problemProperty().get()).isEqualTo(tr("invites.problem.expiry"));
        model.expiresOnProperty().set(null);
        model.chooseTokenProperty().set(true);
        model.chosenTokenProperty().set("has space");
        assertThat(model.problemProperty().get()).isEqualTo(tr("invites.problem.token"));
        int before = check.registrationTokens().size();

        model.save();

        assertThat(check.registrationTokens()).hasSize(before);
        assertThat(model.chosenTokenProperty().get()).as("nothing typed is lost").isEqualTo("has space");
    }

    @Test
    void copyInvitePutsServerAddressTokenAndStepsOnTheClipboard() {
        model.chooseTokenProperty().set(true);
        String chosen = "copy-" + UUID.randomUUID().toString().substring(0, 8);
        model.chosenTokenProperty().set(chosen);
        model.usesProperty().set("1");
        model.save();

        model.copyInvite();

        assertThat(dialogs.clipboard).singleElement().satisfies(text -> assertThat(text)
                .contains(chosen)
                .contains(model.inviteText(model.selectedProperty().get()))
                .contains("Create account")
                .contains("Secure Backup")
                .contains(tr("invites.text.left", 1)));
    }

    @Test
    void saysWhenTheServerHasSignUpSwitchedOffSoNoInviteWorks() {
        // The test server runs with enable_registration: false.
        model.load();

        assertThat(model.signUpOffProperty().get()).isTrue();
    }
}
