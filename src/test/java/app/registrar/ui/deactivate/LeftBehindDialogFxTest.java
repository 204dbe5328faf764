package app.registrar.ui.deactivate;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.service.CleanupService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.Screenshots;
import app.registrar.testing.SignedIn;
import app.registrar.testing.Spammer;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.common.view.Theme;
import app.registrar.ui.deactivate.view.DeactivateDialog;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The deactivate dialog with the spam and abuse ticks on, for a real account that sent messages and uploaded files:
 * each tick shows its count, and "Messages they sent stay visible" is gone while every message is to be removed.
 * Saves the whole dialog content (not only the part a small window shows) as target/screenshots/deactivate-left-behind.png.
 */
@ExtendWith(SynapseExtension.class)
class LeftBehindDialogFxTest {

    private static final FxRobot robot = new FxRobot();

    @Test
    void withBothTicksOnTheDialogShowsBothCountsAndNoLongerSaysMessagesStayVisible(TestSynapse synapse) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Spammer spammer = new Spammer(synapse, "spamfx", List.of(3, 2), 2);
        SignedIn admin = SignedIn.asAdmin(synapse);
        DeactivateViewModel model = new DeactivateViewModel(admin.accounts(), new FakeDialogService(), spammer.userId,
                synapse.adminUser(), () -> { })
                .withCleanup(new CleanupService(new CurrentThreadTaskExecutor(), admin.connection()));
        DeactivateDialog[] dialog = new DeactivateDialog[1];
        robot.interact(() -> {
            Theme.apply();
            dialog[0] = new DeactivateDialog(stage, model);
            dialog[0].getScene().getStylesheets().add(Theme.stylesheet());
            dialog[0].show();
        });
        Node root = dialog[0].getScene().getRoot();
        Label stays = robot.from(root).lookup("#messagesStayPoint").queryAs(Label.class);
        boolean saidBefore = stays.isVisible();

        robot.interact(() -> {
            robot.from(root).lookup("#redactMessages").queryAs(CheckBox.class).setSelected(true);
            robot.from(root).lookup("#deleteMedia").queryAs(CheckBox.class).setSelected(true);
            model.eraseProperty().set(true);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.from(root).lookup("#deleteMediaPreview").queryLabeled().getText().startsWith("Deletes 2"));
        WaitForAsyncUtils.waitForFxEvents();

        String messages = robot.from(root).lookup("#redactPreview").queryLabeled().getText();
        String files = robot.from(root).lookup("#deleteMediaPreview").queryLabeled().getText();
        boolean saidAfter = stays.isVisible();
        // The whole content, as the admin scrolls through it.
        Node content = robot.from(root).lookup((Predicate<Node>) n -> n instanceof ScrollPane)
                .tryQuery().map(n -> ((ScrollPane) n).getContent()).orElse(root);
        robot.interact(() -> Screenshots.save(content, "deactivate-left-behind"));
        robot.interact(dialog[0]::close);

        assertThat(saidBefore).isTrue();
        assertThat(messages).startsWith("Removes 5 messages in 2 rooms");
        assertThat(files).startsWith("Deletes 2 files (2.0 kB)");
        assertThat(saidAfter).as("\"Messages they sent stay visible\" while they are to be removed").isFalse();
    }
}
