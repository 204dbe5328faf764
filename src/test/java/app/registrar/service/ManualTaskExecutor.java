package app.registrar.service;

import app.registrar.api.Cancellation;
import java.util.ArrayList;
import java.util.List;

/**
 * A task executor the test drives by hand: started tasks wait until {@link #runNext()} (or {@link #run(int)}) does
 * the work and hands the result on, on the test's own thread, as the app's worker and JavaFX thread would in turn.
 * So a test can look at a view model while its command is still running, cancel it halfway (when run, only its
 * andFinally then runs, as in the app), or let an old answer arrive after a new one. Debounced actions wait apart, until
 * {@link #fireScheduled()}: time is not simulated.
 */
public final class ManualTaskExecutor implements TaskExecutor {

    private final List<Runnable> queue = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        Handle handle = new Handle();
        handle.step = () -> {
            T value;
            try {
                value = new Cancellation().bind(task.work());
            } catch (Throwable error) {
                if (handle.cancelled) {
                    task.finishCancelled();
                } else {
                    task.fail(error);
                }
                return;
            }
            if (handle.cancelled) {
                task.finishCancelled();
            } else {
                task.succeed(value);
            }
        };
        queue.add(handle.step);
        return handle;
    }

    @Override
    public TaskHandle schedule(long delayMillis, Runnable action) {
        Handle handle = new Handle();
        handle.step = () -> {
            if (!handle.cancelled) {
                action.run();
            }
        };
        scheduled.add(handle.step);
        return handle;
    }

    /** Runs the oldest waiting task or action, with its callbacks; false when none waited. */
    public boolean runNext() {
        if (queue.isEmpty()) {
            return false;
        }
        run(0);
        return true;
    }

    /** Runs the waiting task at {@code index} (0 = the oldest), with its callbacks. */
    public void run(int index) {
        queue.remove(index).run();
    }

    /** Fires every debounced action that waits. */
    public void fireScheduled() {
        List<Runnable> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }

    /** Runs waiting work, and the work it starts, until none is left; returns how many steps ran. */
    public int runAll() {
        int steps = 0;
        while (runNext()) {
            steps++;
        }
        return steps;
    }

    public int pendingCount() {
        return queue.size();
    }

    private final class Handle implements TaskHandle {
        private Runnable step;
        private boolean cancelled;

        @Override
        public void cancel() {
            if (cancelled) {
                return;
            }
            cancelled = true;
            // A cancelled task stays in the queue, as if its request had already left: when it is run, only its
            // andFinally runs, as in the app. A debounced action is simply dropped.
            scheduled.remove(step);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
