package app.registrar.ui.common.view;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;

/**
 * True once {@code busy} has held for a while, false as soon as it ends: for a spinner or an indeterminate progress
 * bar, which need not flash up for a wait shorter than that (the disabled button and the status text already say
 * that something is under way). An animated busy sign is redrawn at every frame; on a machine without a graphics
 * card, or one that runs the homeserver too, that took CPU from the very request it was waiting for (issue 15).
 */
public final class AfterAWhile {

    /** Waits shorter than this show no animated busy sign. */
    public static final Duration DELAY = Duration.millis(500);

    private AfterAWhile() {
    }

    /** Must be called on the JavaFX thread, as {@code busy} changes there. */
    public static ReadOnlyBooleanProperty of(ObservableValue<Boolean> busy) {
        return of(busy, DELAY);
    }

    static ReadOnlyBooleanProperty of(ObservableValue<Boolean> busy, Duration delay) {
        ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();
        PauseTransition wait = new PauseTransition(delay);
        wait.setOnFinished(e -> shown.set(Boolean.TRUE.equals(busy.getValue())));
        busy.addListener((obs, was, now) -> {
            if (Boolean.TRUE.equals(now)) {
                wait.playFromStart();
            } else {
                wait.stop();
                shown.set(false);
            }
        });
        if (Boolean.TRUE.equals(busy.getValue())) {
            wait.playFromStart();
        }
        return shown.getReadOnlyProperty();
    }
}
