package app.registrar.service;

import app.registrar.api.Cancellation;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A task executor the test drives by hand: started tasks wait in a queue until {@link #runNext()} does the work
 * and hands the result on, on the test's own thread, as the app's worker and JavaFX thread would in turn. So a
 * test can look at a view model while its command is still running, cancel it halfway, or let answers arrive in
 * another order than the requests went out. Scheduled actions wait in the same queue.
 */
public final class ManualTaskExecutor implements TaskExecutor {

    private final Deque<Runnable> queue = new ArrayDeque<>();

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
        handle.whenCancelledBeforeStart = task::finishCancelled;
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
        handle.whenCancelledBeforeStart = () -> { };
        queue.add(handle.step);
        return handle;
    }

    /** Runs the oldest waiting task or action, with its callbacks; false when none waited. */
    public boolean runNext() {
        Runnable next = queue.poll();
        if (next == null) {
            return false;
        }
        next.run();
        return true;
    }

    /** Runs waiting work, and the work it starts, until none is left; returns how many steps ran. */
    public int runAll() {
        int steps = 0;
        while (runNext()) {
            steps++;
        }
        return steps;
    }

    public int waiting() {
        return queue.size();
    }

    private final class Handle implements TaskHandle {
        private Runnable step;
        private Runnable whenCancelledBeforeStart;
        private boolean cancelled;

        @Override
        public void cancel() {
            if (cancelled) {
                return;
            }
            cancelled = true;
            if (queue.remove(step)) {
                // Never started: like the app's executor, only its andFinally runs, on a later turn.
                queue.add(whenCancelledBeforeStart);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
