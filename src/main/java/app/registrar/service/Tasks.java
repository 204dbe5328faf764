package app.registrar.service;

import java.util.concurrent.Callable;

/** Creates background tasks bound to one executor. */
public final class Tasks {

    private final TaskExecutor executor;

    public Tasks(TaskExecutor executor) {
        this.executor = executor;
    }

    public <T> BackgroundTask<T> of(Callable<T> work) {
        return new BackgroundTask<>(executor, work);
    }

    public BackgroundTask<Void> run(ThrowingRunnable work) {
        return new BackgroundTask<>(executor, () -> {
            work.run();
            return null;
        });
    }

    public TaskExecutor executor() {
        return executor;
    }

    /** Work without a result. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
