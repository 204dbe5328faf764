package app.registrar.testing;

import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.BackgroundTask;
import app.registrar.service.TaskExecutor;
import app.registrar.service.TaskHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds started tasks until the test runs them, in any order: lets a test make an old answer arrive after a new
 * one and check that it is dropped. Scheduled (debounced) actions are held the same way.
 */
public final class ManualTaskExecutor implements TaskExecutor {

    private final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
    private final List<Runnable> pending = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        boolean[] cancelled = {false};
        pending.add(() -> {
            if (!cancelled[0]) {
                now.execute(task);
            }
        });
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled[0] = true;
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };
    }

    @Override
    public TaskHandle schedule(long delayMillis, Runnable action) {
        boolean[] cancelled = {false};
        scheduled.add(() -> {
            if (!cancelled[0]) {
                action.run();
            }
        });
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled[0] = true;
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };
    }

    public int pendingCount() {
        return pending.size();
    }

    /** Runs the pending task at {@code index} (0 = oldest). */
    public void run(int index) {
        pending.remove(index).run();
    }

    public void runAll() {
        while (!pending.isEmpty()) {
            run(0);
        }
    }

    /** Fires every debounced action that is due (all of them: time is not simulated). */
    public void fireScheduled() {
        List<Runnable> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }
}
