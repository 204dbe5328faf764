package app.registrar.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.model.PasswordPolicy;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FxWorkers;
import app.registrar.ui.common.view.NewPasswordField;
import app.registrar.ui.common.view.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;

/** The shared new-password block, laid out on the real JavaFX thread. */
class NewPasswordFieldTest {

    @Test
    void pressingGenerateDoesNotMoveWhatComesBelow() {
        FxWorkers.startToolkit();
        double[] y = FxWorkers.onFx(() -> {
            NewPasswordViewModel model = new NewPasswordViewModel(new FakeDialogService(), PasswordPolicy.none(), false);
            NewPasswordField field = new NewPasswordField(model, "password.new", "test");
            Label below = new Label("below");
            VBox form = new VBox(8, field, below);
            Scene scene = new Scene(form, 480, 300);
            scene.getStylesheets().add(Theme.stylesheet());
            form.applyCss();
            form.layout();
            model.passwordProperty().set("Typed-Pass-1");
            form.applyCss();
            form.layout();
            double before = below.getLayoutY();
            model.generate();
            form.applyCss();
            form.layout();
            return new double[] {before, below.getLayoutY(), model.generatedProperty().get().isEmpty() ? 0 : 1};
        });

        assertThat(y[2]).as("a password was generated").isEqualTo(1);
        assertThat(y[1]).isEqualTo(y[0]);
    }
}
