package app.registrar.ui.deactivate;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.service.AccountService;
import app.registrar.service.CleanupService;
import app.registrar.service.ConnectionService;
import app.registrar.service.ManualTaskExecutor;
import app.registrar.testing.FakeDialogService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The deactivate dialog's "Messages they sent stay visible" point follows the redact tick: a dialog that is about
 * to redact every message must not also promise that they stay. No server: nothing is sent while ticking.
 */
@Tag("fast")
class DeactivatePointsFastTest {

    private static final String ALICE = "@alice:example.org";
    private final ManualTaskExecutor executor = new ManualTaskExecutor();
    private final ConnectionService connection = new ConnectionService(executor);

    private DeactivateViewModel model() {
        return new DeactivateViewModel(new AccountService(executor, connection), new FakeDialogService(), ALICE,
                "@admin:example.org", () -> { });
    }

    @Test
    void messagesStayVisibleIsSaidUntilTheRedactTickIsOnAndAgainWhenItIsOff() {
        DeactivateViewModel model = model().withCleanup(new CleanupService(executor, connection));

        boolean before = model.messagesStayVisibleProperty().get();
        model.getLeftBehind().redactProperty().set(true);
        boolean whileRedacting = model.messagesStayVisibleProperty().get();
        model.getLeftBehind().redactProperty().set(false);

        assertThat(before).isTrue();
        assertThat(whileRedacting).as("redacting every message: they do not stay visible").isFalse();
        assertThat(model.messagesStayVisibleProperty().get()).isTrue();
    }

    @Test
    void deletingMediaAloneStillSaysMessagesStayVisible() {
        DeactivateViewModel model = model().withCleanup(new CleanupService(executor, connection));

        model.getLeftBehind().deleteMediaProperty().set(true);

        assertThat(model.messagesStayVisibleProperty().get()).isTrue();
    }

    @Test
    void withoutTheCleanupTicksMessagesStayVisible() {
        assertThat(model().messagesStayVisibleProperty().get()).isTrue();
    }
}
