package app.registrar.service;

import app.registrar.api.MatrixApiException;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Creates background tasks bound to one executor. */
public final class Tasks {

    private final TaskExecutor executor;
    private final Consumer<MatrixApiException> observer;

    public Tasks(TaskExecutor executor) {
        this(executor, error -> { });
    }

    /** Tasks whose failures {@code observer} also sees, before their own callbacks. */
    public Tasks(TaskExecutor executor, Consumer<MatrixApiException> observer) {
        this.executor = executor;
        this.observer = observer;
    }

    public <T> BackgroundTask<T> of(Callable<T> work) {
        return new BackgroundTask<>(executor, work, observer);
    }

    public BackgroundTask<Void> run(ThrowingRunnable work) {
        return new BackgroundTask<>(executor, () -> {
            work.run();
            return null;
        }, observer);
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
