package app.registrar.ui.deactivate;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.UserDetails;
import app.registrar.api.UserUpdate;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SynapseAdmin;
import app.registrar.testing.SynapseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(SynapseExtension.class)
class DeactivateViewModelTest {

    @RegisterExtension
    final SynapseAdmin server = new SynapseAdmin("deact");

    private final FakeDialogService dialogs = new FakeDialogService();
    private int done;

    private String account() {
        String userId = server.synapse().newUserId("deact");
        server.admin().createUser(userId, new UserUpdate().password("Some-Password-1").displayName("To Go"));
        return userId;
    }

    private DeactivateViewModel model(String userId) {
        return new DeactivateViewModel(server.signedIn().accounts(), dialogs, userId, server.synapse().adminUser(), () -> done++);
    }

    @Test
    void nothingHappensUntilTheExactUserIdIsTyped() {
        String userId = account();
        DeactivateViewModel model = model(userId);

        model.typedUserIdProperty().set(userId.toUpperCase());
        model.deactivate();

        assertThat(model.canDeactivateProperty().get()).isFalse();
        assertThat(server.admin().getUser(userId).deactivated()).isFalse();
        model.typedUserIdProperty().set(userId);
        assertThat(model.canDeactivateProperty().get()).isTrue();
    }

    @Test
    void eraseIsOffUnlessTickedSoTypingTheIdAloneNeverErases() {
        String userId = account();
        DeactivateViewModel model = model(userId);
        model.typedUserIdProperty().set(userId);

        model.deactivate();

        assertThat(model.eraseProperty().get()).isFalse();
        assertThat(server.admin().getUser(userId).erased()).isFalse();
    }

    @Test
    void deactivateWithoutEraseKeepsTheNameAndReports() {
        String userId = account();
        DeactivateViewModel model = model(userId);
        model.typedUserIdProperty().set(userId);

        model.deactivate();

        UserDetails after = server.admin().getUser(userId);
        assertThat(after.deactivated()).isTrue();
        assertThat(after.erased()).isFalse();
        assertThat(after.displayName()).isEqualTo("To Go");
        assertThat(done).isEqualTo(1);
        assertThat(model.closeRequestedProperty().get()).isTrue();
        assertThat(dialogs.notifications).contains(tr("deactivate.done", userId));
    }

    @Test
    void deactivateWithEraseMarksTheAccountErased() {
        String userId = account();
        DeactivateViewModel model = model(userId);
        model.typedUserIdProperty().set(userId);
        model.eraseProperty().set(true);

        model.deactivate();

        UserDetails after = server.admin().getUser(userId);
        assertThat(after.deactivated()).isTrue();
        assertThat(after.erased()).isTrue();
        assertThat(dialogs.notifications).contains(tr("deactivate.done.erase", userId));
    }

    @Test
    void yourOwnAccountCannotBeDeactivated() {
        DeactivateViewModel model = model(server.synapse().adminUser());
        model.typedUserIdProperty().set(server.synapse().adminUser());

        model.deactivate();

        assertThat(model.isOwnAccount()).isTrue();
        assertThat(model.canDeactivateProperty().get()).isFalse();
        assertThat(server.admin().getUser(server.synapse().adminUser()).deactivated()).isFalse();
    }
}
