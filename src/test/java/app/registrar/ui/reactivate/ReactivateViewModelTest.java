package app.registrar.ui.reactivate;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.Homeserver;
import app.registrar.api.UserUpdate;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.common.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SynapseExtension.class)
class ReactivateViewModelTest {

    @Test
    void reactivatedAccountSignsInWithTheNewPassword(TestSynapse synapse) {
        SignedIn signedIn = SignedIn.asAdmin(synapse);
        AdminApi admin = synapse.signedInAdmin().admin();
        String userId = synapse.newUserId("back");
        admin.createUser(userId, new UserUpdate().password("Before-Pass-1"));
        admin.deactivate(userId, false);
        FakeDialogService dialogs = new FakeDialogService();
        int[] done = {0};
        ReactivateViewModel model = new ReactivateViewModel(signedIn.accounts(), dialogs, userId,
                signedIn.server().passwordPolicy(), true, () -> done[0]++);

        model.getPassword().generate();
        String password = model.getPassword().passwordProperty().get();
        model.reactivate();

        assertThat(done[0]).isEqualTo(1);
        assertThat(admin.getUser(userId).deactivated()).isFalse();
        assertThat(new Homeserver(synapse.url()).auth().loginWithPassword(userId, password).userId()).isEqualTo(userId);
        assertThat(model.getPassword().passwordProperty().get()).as("password forgotten after use").isEmpty();
    }

    @Test
    void reactivatingAnErasedAccountWarnsBecauseSynapseClearsTheErasedMark(TestSynapse synapse) {
        SignedIn signedIn = SignedIn.asAdmin(synapse);
        AdminApi admin = synapse.signedInAdmin().admin();
        String userId = synapse.newUserId("erased");
        admin.createUser(userId, new UserUpdate().displayName("Gone Name").password("Before-Pass-1"));
        admin.deactivate(userId, true);
        boolean erasedBefore = admin.getUser(userId).erased();
        ReactivateViewModel model = new ReactivateViewModel(signedIn.accounts(), new FakeDialogService(), userId,
                signedIn.server().passwordPolicy(), true, erasedBefore, () -> { });
        String warning = model.getErasedWarning();

        model.getPassword().generate();
        model.reactivate();

        assertThat(erasedBefore).isTrue();
        assertThat(admin.getUser(userId).erased()).as("Synapse clears the mark on reactivation").isFalse();
        assertThat(admin.getUser(userId).displayName()).as("the erased name stays gone").isNull();
        assertThat(warning).contains("clears the erased mark", "no longer be hidden", "stay gone");
        assertThat(I18n.tr("deactivate.erase.help"))
                .doesNotContain("cannot be undone").contains("erased mark is cleared");
        assertThat(new ReactivateViewModel(signedIn.accounts(), new FakeDialogService(), userId,
                signedIn.server().passwordPolicy(), true, false, () -> { }).getErasedWarning()).isEmpty();
    }

    @Test
    void weakPasswordIsRefusedBeforeAnythingIsSent(TestSynapse synapse) {
        SignedIn signedIn = SignedIn.asAdmin(synapse);
        ReactivateViewModel model = new ReactivateViewModel(signedIn.accounts(), new FakeDialogService(),
                synapse.newUserId("never"), signedIn.server().passwordPolicy(), true, () -> { });

        model.getPassword().passwordProperty().set("weak");

        assertThat(model.canReactivateProperty().get()).isFalse();
        assertThat(model.getPassword().problemProperty().get()).isNotEmpty();
    }
}
