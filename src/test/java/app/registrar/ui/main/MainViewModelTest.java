package app.registrar.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.registrar.api.AdminApi;
import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.api.UserQuery;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.I18n;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SynapseExtension.class)
class MainViewModelTest {

    private MainViewModel model(SignedIn signedIn, FakeDialogService dialogs, int[] signedOut) {
        return new MainViewModel(signedIn.accounts(), signedIn.connection(), dialogs, signedIn.session(),
                signedIn.server(), () -> signedOut[0]++);
    }

    @Test
    void aWindowBuiltBeforeTheSessionSaysWhoIsSignedInAndListsAccountsOnceItGetsIt(TestSynapse synapse) {
        SignedIn signedIn = SignedIn.asAdmin(synapse);
        MainViewModel early = new MainViewModel(signedIn.accounts(), signedIn.connection(), new FakeDialogService(),
                signedIn.server(), () -> { });
        assertThat(early.getSignedInText()).isEmpty();
        assertThatThrownBy(early::start).isInstanceOf(IllegalStateException.class);

        early.start(signedIn.session());

        assertThat(early.getSignedInText()).contains(signedIn.session().userId());
        assertThat(early.getList().getRows()).isNotEmpty();
        assertThat(early.serverName()).isEqualTo(signedIn.connection().serverName());
        // The account dialogs read the session when they are made, not when the window was.
        assertThat(early.newCreateAccount()).isNotNull();
    }

    @Test
    void endingTheSessionRevokesTheTokenOnTheServer(TestSynapse synapse) {
        SignedIn signedIn = SignedIn.asAdmin(synapse);
        AdminApi sameToken = signedIn.connection().homeserver().orElseThrow().admin();
        int[] signedOut = {0};

        model(signedIn, new FakeDialogService().choose(DialogService.Choice.ACTION), signedOut).signOut();

        assertThat(signedOut[0]).isEqualTo(1);
        assertThat(signedIn.connection().session()).isEmpty();
        assertThatThrownBy(() -> sameToken.listUsers(UserQuery.all()))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.TOKEN_INVALID));
    }

    @Test
    void forgettingOnlyHereLeavesTheTokenValidOnTheServer(TestSynapse synapse) {
        SignedIn signedIn = SignedIn.asAdmin(synapse);
        AdminApi sameToken = signedIn.connection().homeserver().orElseThrow().admin();
        int[] signedOut = {0};

        model(signedIn, new FakeDialogService().choose(DialogService.Choice.ALTERNATIVE), signedOut).signOut();

        assertThat(signedOut[0]).isEqualTo(1);
        assertThat(signedIn.connection().session()).isEmpty();
        assertThat(sameToken.listUsers(UserQuery.all()).total()).isPositive();
    }

    @Test
    void cancellingSignOutKeepsTheSession(TestSynapse synapse) {
        SignedIn signedIn = SignedIn.asAdmin(synapse);
        int[] signedOut = {0};

        model(signedIn, new FakeDialogService().choose(DialogService.Choice.CANCEL), signedOut).signOut();

        assertThat(signedOut[0]).isZero();
        assertThat(signedIn.connection().session()).isPresent();
    }

    @Test
    void aSessionThatIsNotRememberedIsExplainedWithThisSystemsWayToFixIt(TestSynapse synapse) {
        FakeDialogService dialogs = new FakeDialogService();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String expected = I18n.tr(os.contains("win") ? "session.remember.windows"
                : os.contains("mac") ? "session.remember.mac" : "session.remember.linux");

        model(SignedIn.asAdmin(synapse), dialogs, new int[1]).explainRemembering();

        assertThat(dialogs.notifications).containsExactly(expected);
    }
}
