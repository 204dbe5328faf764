package app.registrar.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/**
 * When a form shows its fields' problems: a field's problem only once the admin changed that field, and every
 * problem once Save was pressed. A form that was just opened is never red.
 */
public final class ShownProblems {

    private final BooleanProperty saveTried = new SimpleBooleanProperty();

    /** {@code problem} while {@code input} was changed or Save was pressed; empty before. */
    public StringBinding after(ObservableValue<?> input, ObservableStringValue problem) {
        BooleanProperty touched = new SimpleBooleanProperty();
        input.addListener((obs, old, now) -> touched.set(true));
        return Bindings.createStringBinding(() -> touched.get() || saveTried.get() ? problem.get() : "",
                touched, saveTried, problem);
    }

    /**
     * Save was pressed: runs {@code save} when {@code canSave} holds, else shows every problem instead. Returns
     * whether it saved.
     */
    public boolean trySave(ObservableBooleanValue canSave, Runnable save) {
        if (canSave.get()) {
            save.run();
            return true;
        }
        saveTried.set(true);
        return false;
    }

    public boolean isSaveTried() {
        return saveTried.get();
    }
}
