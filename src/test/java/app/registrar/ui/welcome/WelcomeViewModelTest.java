package app.registrar.ui.welcome;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.testing.FakeDialogService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The welcome message's text, without a server (fast loop). */
@Tag("fast")
class WelcomeViewModelTest {

    private static final String SERVER = "https://matrix.example.org";
    private static final String USER = "@alice:example.org";
    private static final String GENERATED = "Gen3rated-Pass-word!x";

    private final FakeDialogService dialogs = new FakeDialogService();

    @Test
    void namesServerAddressUserIdAppAndTheFirstStepsIncludingSecureBackup() {
        WelcomeViewModel model = new WelcomeViewModel(dialogs, SERVER, USER, "Alice Martin", null, null);

        assertThat(model.textProperty().get())
                .startsWith(tr("welcome.text.hello.name", "Alice Martin"))
                .contains("Server address: " + SERVER)
                .contains("Your user ID: " + USER)
                .contains("element.io/download")
                .contains("Set up Secure Backup")
                .contains(tr("welcome.text.password.separate"));
        assertThat(model.hasTemporaryPassword()).isFalse();
    }

    @Test
    void aGeneratedPasswordIsLeftOutUntilAskedAndGoneAfterTheDialogCloses() {
        WelcomeViewModel model = new WelcomeViewModel(dialogs, SERVER, USER, null, null, GENERATED);
        assertThat(model.hasTemporaryPassword()).isTrue();
        assertThat(model.textProperty().get()).doesNotContain(GENERATED);

        model.includePasswordProperty().set(true);
        assertThat(model.textProperty().get()).contains(tr("welcome.text.password.shown", GENERATED))
                .contains(tr("welcome.text.signin.temporary"));

        model.forget();
        assertThat(model.textProperty().get()).doesNotContain(GENERATED);
        model.includePasswordProperty().set(true);
        assertThat(model.textProperty().get()).doesNotContain(GENERATED);
    }

    @Test
    void anSsoAccountIsToldToSignInWithItsProviderAndNeverGetsAPassword() {
        WelcomeViewModel model = new WelcomeViewModel(dialogs, SERVER, USER, null, "GitHub", GENERATED);
        model.includePasswordProperty().set(true);

        assertThat(model.hasTemporaryPassword()).isFalse();
        assertThat(model.textProperty().get()).contains(tr("welcome.text.signin.sso", "GitHub")).doesNotContain(GENERATED);
    }

    @Test
    void copyPutsExactlyTheShownTextOnTheClipboard() {
        WelcomeViewModel model = new WelcomeViewModel(dialogs, SERVER, USER, null, null, GENERATED);

        model.copy();
        model.includePasswordProperty().set(true);
        model.copy();

        assertThat(dialogs.clipboard).hasSize(2);
        assertThat(dialogs.clipboard.get(0)).doesNotContain(GENERATED);
        assertThat(dialogs.clipboard.get(1)).isEqualTo(model.textProperty().get()).contains(GENERATED);
    }

    @Test
    void thePendingPasswordIsTakenOnceAndOnlyForItsAccount() {
        PendingWelcome pending = new PendingWelcome();
        pending.offer(USER, GENERATED);

        assertThat(pending.take("@bob:example.org")).isNull();
        assertThat(pending.take(USER)).isEqualTo(GENERATED);
        assertThat(pending.take(USER)).isNull();
    }
}
