package app.registrar.ui.password;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.Device;
import app.registrar.api.Homeserver;
import app.registrar.api.UserUpdate;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SynapseAdmin;
import app.registrar.testing.SynapseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(SynapseExtension.class)
class ResetPasswordViewModelTest {

    @RegisterExtension
    final SynapseAdmin server = new SynapseAdmin("pw");

    private static final String OLD = "Old-Password-1";
    private static final String NEW = "New-Password-2";

    private final FakeDialogService dialogs = new FakeDialogService();
    private int done;

    private String account() {
        String userId = server.synapse().newUserId("pw");
        server.admin().createUser(userId, new UserUpdate().password(OLD));
        return userId;
    }

    private ResetPasswordViewModel model(String userId, boolean managedHere) {
        return new ResetPasswordViewModel(server.signedIn().accounts(), dialogs, userId, server.signedIn().server().passwordPolicy(),
                managedHere, () -> done++);
    }

    @Test
    void signingOutOfAllDevicesIsTheDefault() {
        assertThat(model(account(), true).logoutDevicesProperty().get()).isTrue();
    }

    @Test
    void resetWithSignOutSetsThePasswordAndEndsEverySession() {
        String userId = account();
        Homeserver person = new Homeserver(server.synapse().url());
        person.auth().loginWithPassword(userId, OLD);
        ResetPasswordViewModel model = model(userId, true);
        model.getPassword().passwordProperty().set(NEW);

        model.save();

        assertThat(done).isEqualTo(1);
        assertThat(model.closeRequestedProperty().get()).isTrue();
        assertThat(server.admin().devices(userId)).isEmpty();
        assertThat(new Homeserver(server.synapse().url()).auth().loginWithPassword(userId, NEW).userId()).isEqualTo(userId);
        assertThat(dialogs.notifications).contains(tr("password.done", userId));
    }

    @Test
    void resetWithoutSignOutKeepsTheDevices() {
        String userId = account();
        String device = new Homeserver(server.synapse().url()).auth().loginWithPassword(userId, OLD).deviceId();
        ResetPasswordViewModel model = model(userId, true);
        model.getPassword().passwordProperty().set(NEW);
        model.logoutDevicesProperty().set(false);

        model.save();

        assertThat(server.admin().devices(userId)).extracting(Device::deviceId).contains(device);
    }

    @Test
    void passwordAgainstThePolicyCannotBeSent() {
        ResetPasswordViewModel model = model(account(), true);
        model.getPassword().passwordProperty().set("weak");

        model.save();

        assertThat(model.canSaveProperty().get()).isFalse();
        assertThat(model.getPassword().problemProperty().get()).isNotEmpty();
        assertThat(done).isZero();
    }

    @Test
    void serverThatDoesNotKeepPasswordsOffersNoReset() {
        ResetPasswordViewModel model = model(account(), false);
        model.getPassword().passwordProperty().set(NEW);

        model.save();

        assertThat(model.canSaveProperty().get()).isFalse();
        assertThat(done).isZero();
    }
}
