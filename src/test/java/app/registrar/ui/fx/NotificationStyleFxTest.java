package app.registrar.ui.fx;

import static app.registrar.testing.FxWorkers.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.testing.FxWorkers;
import app.registrar.testing.Screenshots;
import app.registrar.ui.common.view.FxDialogService;
import app.registrar.ui.common.view.Theme;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, section 6: a notification logs no CSS warning. ControlsFX's notificationpopup.css paints with Modena's
 * looked-up colours (-fx-outer-border, -fx-inner-border, -fx-body-color), which the AtlantaFX theme does not define:
 * JavaFX logged a ClassCastException for every notification until registrar.css defined them.
 */
class NotificationStyleFxTest {

    @Test
    void showingANotificationLogsNoCssWarning() throws Exception {
        FxWorkers.startToolkit();
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger css = Logger.getLogger("javafx.css");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(String.valueOf(record.getMessage()) + " " + record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        css.addHandler(handler);
        Stage[] stage = new Stage[1];
        try {
            onFx(() -> {
                Theme.apply();
                stage[0] = new Stage();
                Scene scene = new Scene(new StackPane(new Label("Registrar")), 600, 400);
                scene.getStylesheets().add(Theme.stylesheet());
                stage[0].setScene(scene);
                stage[0].show();
                new FxDialogService(() -> stage[0], null).notify("Saved @alice:example.org.");
            });
            // Let a few pulses lay out and style the popup.
            for (int i = 0; i < 20; i++) {
                onFx(() -> { });
                Thread.sleep(50);
            }
            onFx(() -> Window.getWindows().stream()
                    .filter(w -> w instanceof PopupWindow && w.isShowing())
                    .findFirst().ifPresent(popup -> Screenshots.save(popup.getScene(), "notification")));
        } finally {
            css.removeHandler(handler);
            onFx(() -> stage[0].hide());
        }

        assertThat(warnings).noneMatch(w -> w.contains("ClassCastException"));
    }
}
