package app.registrar.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.Homeserver;
import app.registrar.api.Threepid;
import app.registrar.api.UserUpdate;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.common.Formats;
import app.registrar.ui.common.I18n;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SynapseExtension.class)
class AccountDetailsViewModelTest {

    private static final String PASSWORD = "Details-Pass-1";

    private TestSynapse synapse;
    private AdminApi admin;
    private final FakeDialogService dialogs = new FakeDialogService();
    private AccountDetailsViewModel model;
    private int changed;

    @BeforeEach
    void connect(TestSynapse synapse) {
        this.synapse = synapse;
        admin = synapse.signedInAdmin().admin();
        model = new AccountDetailsViewModel(SignedIn.asAdmin(synapse).accounts(), dialogs, () -> changed++);
    }

    private String account() {
        String userId = synapse.newUserId("det");
        admin.createUser(userId, new UserUpdate().password(PASSWORD).displayName("Dee Tails")
                .threepids(List.of(Threepid.email("dee@example.org"))));
        return userId;
    }

    @Test
    void showsProfileEmailsDevicesAndRoomCount() {
        String userId = account();
        String device = new Homeserver(synapse.url()).auth().loginWithPassword(userId, PASSWORD).deviceId();

        model.show(userId);

        assertThat(model.getUser().displayName()).isEqualTo("Dee Tails");
        assertThat(model.getUser().emails()).extracting(Threepid::address).containsExactly("dee@example.org");
        assertThat(model.getDevices()).extracting(DeviceRow::deviceId).containsExactly(device);
        assertThat(model.roomCountProperty().get()).isZero();
    }

    @Test
    void lockAsksFirstAndDecliningChangesNothing() {
        String userId = account();
        model.show(userId);

        dialogs.answer(false);
        model.toggleLocked();
        assertThat(admin.getUser(userId).locked()).isFalse();
        assertThat(dialogs.confirmations.get(0).header()).contains(userId);

        dialogs.answer(true);
        model.toggleLocked();
        assertThat(admin.getUser(userId).locked()).isTrue();
        assertThat(model.getUser().locked()).isTrue();
        assertThat(changed).isEqualTo(1);

        dialogs.answer(true);
        model.toggleLocked();
        assertThat(admin.getUser(userId).locked()).isFalse();
    }

    @Test
    void suspendAndShadowBanToggleOnTheServer() {
        String userId = account();
        model.show(userId);

        dialogs.answer(true, true);
        model.toggleSuspended();
        model.toggleShadowBanned();

        assertThat(admin.getUser(userId).suspended()).isTrue();
        assertThat(admin.getUser(userId).shadowBanned()).isTrue();
    }

    @Test
    void removingADeviceSignsItOutAfterAsking() {
        String userId = account();
        Homeserver person = new Homeserver(synapse.url());
        person.auth().loginWithPassword(userId, PASSWORD);
        model.show(userId);

        dialogs.answer(true);
        model.removeDevice(model.getDevices().get(0));

        assertThat(model.getDevices()).isEmpty();
        assertThat(admin.devices(userId)).isEmpty();
    }

    @Test
    void lockLeavesALastingNoteWhoseUndoUnlocksWithoutAskingAgain() {
        String userId = account();
        model.show(userId);

        dialogs.answer(true);
        model.toggleLocked();
        assertThat(model.noteProperty().get().text()).startsWith(I18n.tr("note.locked", "").strip());
        assertThat(model.noteProperty().get().canUndo()).isTrue();

        model.reload();
        assertThat(model.noteProperty().get()).as("the note outlives a reload").isNotNull();
        int asked = dialogs.confirmations.size();
        model.undo();

        assertThat(admin.getUser(userId).locked()).isFalse();
        assertThat(dialogs.confirmations).as("Undo does not ask again").hasSize(asked);
        assertThat(model.noteProperty().get().text()).startsWith(I18n.tr("note.unlocked", "").strip());
    }

    @Test
    void theNoteBelongsToItsAccountAndComesBackWithIt() {
        String first = account();
        String second = account();
        model.show(first);
        dialogs.answer(true);
        model.toggleSuspended();

        model.show(second);
        assertThat(model.noteProperty().get()).isNull();
        model.show(first);
        assertThat(model.noteProperty().get().text()).startsWith(I18n.tr("note.suspended", "").strip());
    }

    @Test
    void passwordResetNoteCountsTheDevicesSignedOut() {
        String userId = account();
        new Homeserver(synapse.url()).auth().loginWithPassword(userId, PASSWORD);
        new Homeserver(synapse.url()).auth().loginWithPassword(userId, PASSWORD);
        model.show(userId);

        model.recordPasswordReset(userId, true);

        assertThat(model.noteProperty().get().text()).isEqualTo(I18n.tr(
                "note.password.reset.signed.out", Formats.time(Instant.now()), 2));
        assertThat(model.noteProperty().get().text()).contains("2");
        assertThat(model.noteProperty().get().canUndo()).isFalse();
    }

    @Test
    void adminRightsNoteUndoesTheChangeOnTheServer() {
        String userId = account();
        admin.modifyUser(userId, new UserUpdate().admin(true));
        model.show(userId);

        model.recordAdminChanged(userId, true);
        model.undo();

        assertThat(admin.getUser(userId).admin()).isFalse();
        assertThat(model.noteProperty().get().text()).startsWith(
                I18n.tr("note.admin.removed", "").strip());
    }

    @Test
    void unknownAccountShowsAPlainMessage() {
        model.show(synapse.newUserId("gone"));

        assertThat(model.getUser()).isNull();
        assertThat(model.errorProperty().get().message()).isEqualTo(I18n.tr("error.not.found"));
    }
}
