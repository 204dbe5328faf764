package app.registrar.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.Homeserver;
import app.registrar.api.UserUpdate;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signing a device out says first which session goes and whether the person stays signed in elsewhere. */
@ExtendWith(SynapseExtension.class)
class DeviceSignOutPreviewSynapseTest {

    private static final String PASSWORD = "Device-Pass-2026!";
    private final FakeDialogService dialogs = new FakeDialogService();

    private AccountDetailsViewModel shown(TestSynapse synapse, String userId) {
        AccountDetailsViewModel model = new AccountDetailsViewModel(SignedIn.asAdmin(synapse).accounts(), dialogs, () -> { });
        model.show(userId);
        return model;
    }

    @Test
    void theConfirmationNamesTheSessionAndTheDevicesThatStaySignedIn(TestSynapse synapse) {
        String userId = synapse.newUserId("devices");
        synapse.signedInAdmin().admin().createUser(userId, new UserUpdate().password(PASSWORD));
        String kept = new Homeserver(synapse.url()).auth().loginWithPassword(userId, PASSWORD).deviceId();
        String going = new Homeserver(synapse.url()).auth().loginWithPassword(userId, PASSWORD).deviceId();
        AccountDetailsViewModel model = shown(synapse, userId);
        DeviceRow row = model.getDevices().stream().filter(d -> d.deviceId().equals(going)).findFirst().orElseThrow();

        dialogs.answer(false);
        model.removeDevice(row);

        String text = dialogs.confirmations.get(0).text();
        assertThat(text).startsWith("What goes: the session “" + row.name() + "” (device ID " + going + "), last used ");
        assertThat(text).contains("Their other device stays signed in.").doesNotContain(kept);
        assertThat(synapse.signedInAdmin().admin().devices(userId)).as("declined: nothing signed out").hasSize(2);
    }

    @Test
    void signingOutTheOnlyDeviceSaysThePersonIsSignedOutEverywhere(TestSynapse synapse) {
        String userId = synapse.newUserId("onedevice");
        synapse.signedInAdmin().admin().createUser(userId, new UserUpdate().password(PASSWORD));
        String only = new Homeserver(synapse.url()).auth().loginWithPassword(userId, PASSWORD).deviceId();
        AccountDetailsViewModel model = shown(synapse, userId);

        dialogs.answer(true);
        model.removeDevice(model.getDevices().get(0));

        assertThat(dialogs.confirmations.get(0).text()).contains("(device ID " + only + ")")
                .contains("It is their only signed-in device: they are signed out everywhere.");
        assertThat(synapse.signedInAdmin().admin().devices(userId)).isEmpty();
    }
}
