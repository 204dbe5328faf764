package app.registrar.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.model.PasswordPolicy;
import app.registrar.testing.FakeDialogService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The new-password part every password dialog shares: the server's rules, generating, copying only on request. */
@Tag("fast")
class NewPasswordViewModelTest {

    /** The rules the test Synapse runs with: ten characters, a digit, a symbol, both cases. */
    private static final PasswordPolicy STRICT = new PasswordPolicy(true, 10, true, true, true, true);

    private final FakeDialogService dialogs = new FakeDialogService();

    @Test
    void aPasswordBreakingTheServersRulesIsNotAcceptableAndSaysWhy() {
        NewPasswordViewModel model = new NewPasswordViewModel(dialogs, STRICT, false);

        model.passwordProperty().set("short");

        assertThat(model.acceptableProperty().get()).isFalse();
        assertThat(model.problemProperty().get()).isNotEmpty();
        model.passwordProperty().set("Long-Enough-Pass-2026!");
        assertThat(model.acceptableProperty().get()).isTrue();
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void anEmptyPasswordIsAcceptableOnlyWhereItMeansKeepTheCurrentOne() {
        assertThat(new NewPasswordViewModel(dialogs, PasswordPolicy.none(), true).acceptableProperty().get()).isTrue();
        assertThat(new NewPasswordViewModel(dialogs, PasswordPolicy.none(), false).acceptableProperty().get()).isFalse();
    }

    @Test
    void aGeneratedPasswordMeetsTheRulesIsShownOnceAndReachesTheClipboardOnlyWhenAsked() {
        NewPasswordViewModel model = new NewPasswordViewModel(dialogs, STRICT, false);

        model.generate();

        assertThat(model.acceptableProperty().get()).isTrue();
        assertThat(model.generatedProperty().get()).isEqualTo(model.get());
        assertThat(dialogs.clipboard).isEmpty();
        model.copyGenerated();
        assertThat(dialogs.clipboard).containsExactly(model.get());
    }

    @Test
    void clearingForgetsWhatWasTypedAndGenerated() {
        NewPasswordViewModel model = new NewPasswordViewModel(dialogs, PasswordPolicy.none(), false);
        model.generate();

        model.clear();

        assertThat(model.isEmpty()).isTrue();
        assertThat(model.generatedProperty().get()).isEmpty();
    }
}
