package app.registrar.ui.common.view;

import static app.registrar.testing.FxWorkers.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.testing.FxWorkers;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.util.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The animated busy sign comes only for waits longer than a moment, and goes at once. */
class AfterAWhileTest {

    @BeforeAll
    static void toolkit() {
        FxWorkers.startToolkit();
    }

    @Test
    void aLongWaitShowsTheSignAfterTheDelayAndItGoesAsSoonAsTheWaitEnds() {
        SimpleBooleanProperty busy = new SimpleBooleanProperty();
        ReadOnlyBooleanProperty shown = onFx(() -> AfterAWhile.of(busy, Duration.millis(150)));

        onFx(() -> busy.set(true));
        assertThat(onFx(shown::get)).as("not at once").isFalse();
        FxWorkers.awaitFx("the sign after the delay", shown::get);
        onFx(() -> busy.set(false));

        assertThat(onFx(shown::get)).isFalse();
    }

    @Test
    void aWaitShorterThanTheDelayNeverShowsTheSign() throws Exception {
        SimpleBooleanProperty busy = new SimpleBooleanProperty();
        List<Boolean> seen = new CopyOnWriteArrayList<>();
        onFx(() -> AfterAWhile.of(busy, Duration.millis(1000)).addListener((obs, was, now) -> seen.add(now)));

        onFx(() -> busy.set(true));
        Thread.sleep(600);
        onFx(() -> busy.set(false));
        // a second short wait right after starts its own count: together they are longer than the delay
        onFx(() -> busy.set(true));
        Thread.sleep(600);
        onFx(() -> busy.set(false));
        Thread.sleep(1200);

        assertThat(seen).isEmpty();
    }

    @Test
    void busyAlreadyWhenWatchedShowsTheSignAfterTheDelay() {
        SimpleBooleanProperty busy = new SimpleBooleanProperty(true);
        ReadOnlyBooleanProperty shown = onFx(() -> AfterAWhile.of(busy, Duration.millis(100)));

        FxWorkers.awaitFx("the sign after the delay", shown::get);
    }
}
