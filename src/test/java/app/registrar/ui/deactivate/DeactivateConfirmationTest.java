package app.registrar.ui.deactivate;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.service.AccountService;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.testing.FakeDialogService;
import org.junit.jupiter.api.Test;

/** The confirmation field of the deactivate dialog, without a server: nothing is sent while typing. */
class DeactivateConfirmationTest {

    private static final String ADMIN = "@admin:example.org";
    private static final String TINA = "@tina.tester:example.org";

    private static DeactivateViewModel model(String userId) {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        return new DeactivateViewModel(new AccountService(executor, new ConnectionService(executor)),
                new FakeDialogService(), userId, ADMIN, () -> { });
    }

    @Test
    void theHintNamesTheFullUserIdAndTheBareName() {
        assertThat(model(TINA).getTypeHint()).isEqualTo(tr("deactivate.type", TINA, "tina.tester")).contains(TINA);
    }

    @Test
    void theBareNameConfirmsForAMasClientSignInThatHasNoMatrixId() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        DeactivateViewModel model = new DeactivateViewModel(new AccountService(executor, new ConnectionService(executor)),
                new FakeDialogService(), TINA, "client 01J44RKQYM4G3TNVANTMTDYTX6", "example.org", () -> { });

        model.typedUserIdProperty().set("tina.tester");

        assertThat(model.canDeactivateProperty().get()).isTrue();
        assertThat(model.getTypeHint()).isEqualTo(tr("deactivate.type", TINA, "tina.tester"));
    }

    @Test
    void theBareNameOfALocalAccountConfirms() {
        DeactivateViewModel model = model(TINA);

        model.typedUserIdProperty().set("tina.tester");

        assertThat(model.canDeactivateProperty().get()).isTrue();
        assertThat(model.typedProblemProperty().get()).isEmpty();
    }

    @Test
    void theFullUserIdConfirmsWithSpacesAroundIt() {
        DeactivateViewModel model = model(TINA);

        model.typedUserIdProperty().set("  " + TINA + " ");

        assertThat(model.canDeactivateProperty().get()).isTrue();
    }

    @Test
    void aMismatchIsSaidInWordsAndDoesNotConfirm() {
        DeactivateViewModel model = model(TINA);

        model.typedUserIdProperty().set("tina.testr");

        assertThat(model.canDeactivateProperty().get()).isFalse();
        assertThat(model.typedProblemProperty().get()).isEqualTo(tr("deactivate.type.mismatch", TINA, "tina.tester"));
    }

    @Test
    void textStillOnItsWayToAMatchIsNotCalledWrong() {
        DeactivateViewModel model = model(TINA);

        for (String partial : new String[] {"", "t", "tina.te", "@tina", "@tina.tester:exa"}) {
            model.typedUserIdProperty().set(partial);
            assertThat(model.typedProblemProperty().get()).as(partial).isEmpty();
            assertThat(model.canDeactivateProperty().get()).as(partial).isFalse();
        }
    }

    @Test
    void anAccountOfAnotherServerNeedsItsFullId() {
        DeactivateViewModel model = model("@tina.tester:elsewhere.org");

        model.typedUserIdProperty().set("tina.tester");

        assertThat(model.canDeactivateProperty().get()).isFalse();
        assertThat(model.getTypeHint()).isEqualTo(tr("deactivate.type.full", "@tina.tester:elsewhere.org"));
    }
}
