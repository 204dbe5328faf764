package app.registrar.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

class ShownProblemsTest {

    private final StringProperty field = new SimpleStringProperty("");
    private final StringBinding problem = Bindings.createStringBinding(() -> field.get().isEmpty() ? "Enter a name." : "", field);

    @Test
    void anUntouchedFieldShowsNoProblem() {
        ShownProblems shown = new ShownProblems();

        assertThat(shown.after(field, problem).get()).isEmpty();
    }

    @Test
    void aFieldShowsItsProblemOnceChanged() {
        ShownProblems shown = new ShownProblems();
        StringBinding visible = shown.after(field, problem);

        field.set("a");
        field.set("");

        assertThat(visible.get()).isEqualTo("Enter a name.");
    }

    @Test
    void pressingSaveWithAProblemShowsItAndDoesNotSave() {
        ShownProblems shown = new ShownProblems();
        StringBinding visible = shown.after(field, problem);
        int[] saved = new int[1];

        boolean result = shown.trySave(new SimpleBooleanProperty(false), () -> saved[0]++);

        assertThat(result).isFalse();
        assertThat(saved[0]).isZero();
        assertThat(visible.get()).isEqualTo("Enter a name.");
    }

    @Test
    void pressingSaveOnAGoodFormSaves() {
        ShownProblems shown = new ShownProblems();
        int[] saved = new int[1];

        assertThat(shown.trySave(new SimpleBooleanProperty(true), () -> saved[0]++)).isTrue();
        assertThat(saved[0]).isOne();
    }
}
