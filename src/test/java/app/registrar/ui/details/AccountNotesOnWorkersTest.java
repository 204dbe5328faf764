package app.registrar.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.UserUpdate;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FxWorkers;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.common.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The lasting note and its Undo as in the app: calls on real worker threads, answers on the JavaFX thread. */
@ExtendWith(SynapseExtension.class)
class AccountNotesOnWorkersTest {

    @Test
    void lockThenUndoOnRealWorkersLeavesTheAccountUnlockedWithANoteSayingSo(TestSynapse synapse) {
        AdminApi admin = synapse.signedInAdmin().admin();
        String userId = synapse.newUserId("notes");
        admin.createUser(userId, new UserUpdate().password("Notes-Pass-1").displayName("Noah Tes"));
        FakeDialogService dialogs = new FakeDialogService().answer(true);
        AccountDetailsViewModel model = FxWorkers.onFx(() -> new AccountDetailsViewModel(
                SignedIn.asAdmin(synapse, FxWorkers.executor()).accounts(), dialogs, () -> { }));

        FxWorkers.onFx(() -> model.show(userId));
        FxWorkers.awaitFx("the account is shown", () -> model.getUser() != null);
        FxWorkers.onFx(model::toggleLocked);
        FxWorkers.awaitFx("the lock note", () -> model.noteProperty().get() != null && !model.busyProperty().get());
        assertThat(admin.getUser(userId).locked()).isTrue();

        FxWorkers.onFx(model::undo);
        FxWorkers.awaitFx("the unlock note", () -> !model.busyProperty().get()
                && model.noteProperty().get().text().startsWith(I18n.tr("note.unlocked", "").strip()));
        assertThat(admin.getUser(userId).locked()).isFalse();
        assertThat(dialogs.confirmations).as("only the lock asked; Undo did not").hasSize(1);
    }
}
