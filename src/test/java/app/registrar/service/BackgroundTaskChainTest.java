package app.registrar.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link BackgroundTask#then}: one chain, one handle, one andFinally after the last step. */
@Tag("fast")
class BackgroundTaskChainTest {

    private final ManualTaskExecutor executor = new ManualTaskExecutor();
    private final Tasks tasks = new Tasks(executor);
    private final List<String> events = new ArrayList<>();

    @Test
    void theSecondStepStartsFromTheFirstResultAndAndFinallyRunsOnceAtTheEnd() {
        tasks.of(() -> 20)
                .then(value -> tasks.of(() -> value + 1))
                .onSuccess(value -> events.add("success " + value))
                .onFailure(e -> events.add("failure"))
                .andFinally(() -> events.add("finally"))
                .start();

        executor.runNext();
        assertThat(events).as("between the steps the chain has not ended").isEmpty();
        executor.runNext();
        assertThat(events).containsExactly("success 21", "finally");
    }

    @Test
    void aFailedFirstStepNeverStartsTheSecond() {
        List<Integer> started = new ArrayList<>();
        tasks.of(() -> {
            throw MatrixApiException.local(ErrorCategory.NETWORK, "down");
        }).then(value -> {
            started.add(1);
            return tasks.of(() -> 1);
        }).onFailure(e -> events.add("failure " + e.category())).andFinally(() -> events.add("finally")).start();

        executor.runAll();
        assertThat(started).isEmpty();
        assertThat(events).containsExactly("failure NETWORK", "finally");
    }

    @Test
    void aStepThatRefusesEndsTheChainAsAFailure() {
        tasks.of(() -> "info")
                .then(info -> {
                    throw MatrixApiException.local(ErrorCategory.ENDPOINT_UNAVAILABLE, "no password login");
                })
                .onSuccess(value -> events.add("success"))
                .onFailure(e -> events.add("failure " + e.category()))
                .andFinally(() -> events.add("finally"))
                .start();

        assertThat(executor.runAll()).isEqualTo(1);
        assertThat(events).containsExactly("failure ENDPOINT_UNAVAILABLE", "finally");
    }

    @Test
    void cancellingDuringTheSecondStepCancelsItAndRunsOnlyAndFinally() {
        TaskHandle handle = tasks.of(() -> 1)
                .then(value -> tasks.of(() -> value + 1).andFinally(() -> events.add("step finally")))
                .onSuccess(value -> events.add("success"))
                .onFailure(e -> events.add("failure"))
                .andFinally(() -> events.add("finally"))
                .start();
        executor.runNext();
        assertThat(executor.pendingCount()).as("the second step waits").isEqualTo(1);

        handle.cancel();
        executor.runAll();

        assertThat(handle.isCancelled()).isTrue();
        assertThat(events).containsExactly("step finally", "finally");
    }

    @Test
    void theStepsOwnCallbacksRunBeforeTheChains() {
        tasks.of(() -> "a").onSuccess(v -> events.add("first " + v))
                .then(v -> tasks.of(() -> v + "b").onSuccess(w -> events.add("second " + w)))
                .onSuccess(w -> events.add("chain " + w))
                .start();

        executor.runAll();
        assertThat(events).containsExactly("first a", "second ab", "chain ab");
    }

    @Test
    void chainsChainAndRunOnTheSynchronousExecutorToo() {
        Tasks now = new Tasks(new CurrentThreadTaskExecutor());
        now.of(() -> 1).then(v -> now.of(() -> v * 10)).then(v -> now.of(() -> v + 2))
                .onSuccess(v -> events.add("success " + v))
                .andFinally(() -> events.add("finally"))
                .start();

        assertThat(events).containsExactly("success 12", "finally");
    }
}
