package app.registrar.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.Homeserver;
import app.registrar.api.UserDetails;
import app.registrar.api.UserUpdate;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.main.MainViewModel;
import app.registrar.ui.password.ResetPasswordViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** After a real password reset, the welcome message can carry the generated password once, and only that one. */
@ExtendWith(SynapseExtension.class)
class WelcomeHandoverTest {

    @Test
    void aGeneratedPasswordFromAResetReachesTheNextWelcomeMessageOnceAndSignsIn(TestSynapse synapse) {
        SignedIn signedIn = SignedIn.asAdmin(synapse);
        MainViewModel main = new MainViewModel(signedIn.accounts(), signedIn.connection(), new FakeDialogService(),
                signedIn.session(), signedIn.server(), () -> { });
        UserDetails user = synapse.signedInAdmin().admin().createUser(synapse.newUserId("welcome"),
                new UserUpdate().password("Before-Pass-123!"));

        ResetPasswordViewModel reset = main.newResetPassword(user);
        reset.getPassword().generate();
        reset.save();

        WelcomeViewModel first = main.newWelcome(user);
        assertThat(first.hasTemporaryPassword()).isTrue();
        first.includePasswordProperty().set(true);
        String line = first.textProperty().get().lines().filter(l -> l.startsWith("Temporary password: ")).findFirst().orElseThrow();
        String shown = line.substring("Temporary password: ".length());
        assertThat(new Homeserver(synapse.url()).auth().loginWithPassword(user.userId(), shown).userId()).isEqualTo(user.userId());
        assertThat(main.newWelcome(user).hasTemporaryPassword()).as("shown once").isFalse();
    }

    @Test
    void aPasswordTheAdminTypedIsNeverPutInTheWelcomeMessage(TestSynapse synapse) {
        SignedIn signedIn = SignedIn.asAdmin(synapse);
        MainViewModel main = new MainViewModel(signedIn.accounts(), signedIn.connection(), new FakeDialogService(),
                signedIn.session(), signedIn.server(), () -> { });
        UserDetails user = synapse.signedInAdmin().admin().createUser(synapse.newUserId("welcome-typed"),
                new UserUpdate().password("Before-Pass-123!"));

        ResetPasswordViewModel reset = main.newResetPassword(user);
        reset.getPassword().passwordProperty().set("Typed-By-Admin-42!");
        reset.save();

        assertThat(main.newWelcome(user).hasTemporaryPassword()).isFalse();
    }
}
