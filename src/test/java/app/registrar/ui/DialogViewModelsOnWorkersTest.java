package app.registrar.ui;

import static app.registrar.testing.FxWorkers.awaitFx;
import static app.registrar.testing.FxWorkers.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.LoginSession;
import app.registrar.api.ServerApi;
import app.registrar.api.ServerInfo;
import app.registrar.api.UserUpdate;
import app.registrar.service.ConnectionService;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FxWorkers;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.details.AccountDetailsViewModel;
import app.registrar.ui.reauth.ReauthViewModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * View models that had no test on the app's own worker threads, run as in the app: calls on real workers, answers
 * on the JavaFX thread, against the real Synapse. Each outcome is read back through the admin API.
 */
@ExtendWith(SynapseExtension.class)
class DialogViewModelsOnWorkersTest {

    @Test
    void suspendAndShadowBanOnRealWorkersChangeTheAccountAndTheirUndoTakesItBack(TestSynapse synapse) {
        AdminApi admin = synapse.signedInAdmin().admin();
        String userId = synapse.newUserId("toggles");
        admin.createUser(userId, new UserUpdate().password("Toggle-Pass-1").displayName("Toggle Person"));
        FakeDialogService dialogs = new FakeDialogService().answer(true, true);
        SignedIn signedIn = SignedIn.asAdmin(synapse, FxWorkers.executor());
        AccountDetailsViewModel model = onFx(() -> new AccountDetailsViewModel(signedIn.accounts(), dialogs, () -> { }));
        onFx(() -> model.show(userId));
        awaitFx("the account is shown", () -> model.getUser() != null && !model.busyProperty().get());

        onFx(model::toggleSuspended);
        awaitFx("the suspension", () -> !model.busyProperty().get() && model.getUser().suspended());
        onFx(model::toggleShadowBanned);
        awaitFx("the shadow-ban", () -> !model.busyProperty().get() && model.getUser().shadowBanned());
        boolean suspendedOnServer = admin.getUser(userId).suspended();
        boolean shadowBannedOnServer = admin.getUser(userId).shadowBanned();
        onFx(model::undo);
        awaitFx("the shadow-ban undone", () -> !model.busyProperty().get() && !model.getUser().shadowBanned());

        assertThat(suspendedOnServer).isTrue();
        assertThat(shadowBannedOnServer).isTrue();
        assertThat(admin.getUser(userId).shadowBanned()).isFalse();
        assertThat(admin.getUser(userId).suspended()).as("Undo takes back only the last action").isTrue();
        assertThat(dialogs.confirmations).as("the two toggles asked; Undo did not").hasSize(2);
    }

    @Test
    void signingInAgainWithThePasswordOnRealWorkersRenewsTheSessionAndClosesTheDialog(TestSynapse synapse) {
        ConnectionService connection = new ConnectionService(FxWorkers.executor());
        ServerInfo server = ServerApi.describe(synapse.url());
        List<LoginSession> first = new ArrayList<>();
        onFx(() -> connection.signIn(server, synapse.adminUser(), synapse.adminPassword()).onSuccess(first::add).start());
        awaitFx("the first sign-in", () -> !first.isEmpty());
        FakeDialogService dialogs = new FakeDialogService();
        boolean[] signedInAgain = {false};
        ReauthViewModel model = onFx(() -> new ReauthViewModel(connection, dialogs, synapse.adminUser(),
                () -> signedInAgain[0] = true));

        onFx(() -> model.passwordProperty().set("not-the-password"));
        onFx(model::signIn);
        awaitFx("the refusal", () -> !model.isBusy() && model.getError() != null);
        boolean closedAfterWrongPassword = onFx(() -> model.closeRequestedProperty().get());
        onFx(() -> model.passwordProperty().set(synapse.adminPassword()));
        onFx(model::signIn);
        awaitFx("the second sign-in", () -> !model.isBusy() && model.closeRequestedProperty().get());

        assertThat(closedAfterWrongPassword).isFalse();
        assertThat(signedInAgain[0]).isTrue();
        assertThat(onFx(() -> model.passwordProperty().get())).as("the password is not kept").isEmpty();
        LoginSession renewed = connection.session().orElseThrow();
        assertThat(renewed.userId()).isEqualTo(synapse.adminUser());
        assertThat(renewed.accessToken()).isNotEqualTo(first.get(0).accessToken());
    }
}
