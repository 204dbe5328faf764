package app.registrar.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The yardstick for Registrar's start-up (scripts/startup-yardstick.sh): a JavaFX window with one label, the same
 * size and title as Registrar's, started by a launcher of its own in a copy of Registrar's app-image (same runtime,
 * same JVM options, a class-data archive of its own). Its time to first window is what any JavaFX app pays.
 */
public final class TrivialWindow {

    private TrivialWindow() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window itself. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("Registrar");
            stage.setScene(new Scene(new StackPane(new Label("Registrar")), 1180, 760));
            stage.show();
        }
    }
}
