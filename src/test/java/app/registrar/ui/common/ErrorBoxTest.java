package app.registrar.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.testing.FxWorkers;
import app.registrar.ui.common.view.Views;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;

/** The shared error area, on the real JavaFX thread. */
class ErrorBoxTest {

    @Test
    void aNewErrorStartsWithItsDetailsFoldedEvenWhenTheLastOnesWereOpen() {
        FxWorkers.startToolkit();
        boolean[] expanded = FxWorkers.onFx(() -> {
            SimpleObjectProperty<ErrorReport> report = new SimpleObjectProperty<>();
            VBox box = Views.errorBox(report);
            TitledPane details = (TitledPane) box.getChildren().get(2);
            report.set(new ErrorReport("First problem.", "Try again.", "HTTP 500 · M_UNKNOWN"));
            details.setExpanded(true);
            report.set(new ErrorReport("Second problem.", "Check the details.", "HTTP 403 · M_FORBIDDEN"));
            return new boolean[] {details.isExpanded(), box.isVisible()};
        });

        assertThat(expanded[0]).as("details of the new error are folded").isFalse();
        assertThat(expanded[1]).isTrue();
    }
}
