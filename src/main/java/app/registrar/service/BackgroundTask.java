package app.registrar.service;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A homeserver call described fluently and started on a {@link TaskExecutor}:
 * {@code service.getUser(id).onSuccess(this::show).onFailure(this::explain).andFinally(() -> busy.set(false)).start()}.
 * Callbacks run on the executor's delivery thread (the JavaFX thread in the app), never on the worker.
 */
public final class BackgroundTask<T> {

    private final Callable<T> work;
    private final TaskExecutor executor;
    private final Consumer<MatrixApiException> observer;
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<MatrixApiException> onFailure = error -> { };
    private Runnable andFinally = () -> { };

    BackgroundTask(TaskExecutor executor, Callable<T> work) {
        this(executor, work, error -> { });
    }

    /** {@code observer} sees every failure before the task's own callback (to notice an expired session). */
    BackgroundTask(TaskExecutor executor, Callable<T> work, Consumer<MatrixApiException> observer) {
        this.executor = Objects.requireNonNull(executor);
        this.work = Objects.requireNonNull(work);
        this.observer = Objects.requireNonNull(observer);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<MatrixApiException> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> andFinally(Runnable callback) {
        this.andFinally = Objects.requireNonNull(callback);
        return this;
    }

    public TaskHandle start() {
        return executor.execute(this);
    }

    Callable<T> work() {
        return work;
    }

    void succeed(T value) {
        try {
            onSuccess.accept(value);
        } finally {
            andFinally.run();
        }
    }

    void fail(Throwable error) {
        // andFinally runs whatever happens here, so a busy dialog always becomes usable again.
        try {
            MatrixApiException failure = asApiException(error);
            observer.accept(failure);
            onFailure.accept(failure);
        } finally {
            andFinally.run();
        }
    }

    void finishCancelled() {
        andFinally.run();
    }

    /**
     * A homeserver error as it is; a file problem or a bug as a {@link MatrixApiException} of a local category
     * ({@link ErrorCategory#isLocal()}), keeping the original as its cause. Never throws.
     */
    static MatrixApiException asApiException(Throwable error) {
        try {
            return LocalFaults.classify(error);
        } catch (RuntimeException | Error classifying) {
            return MatrixApiException.local(ErrorCategory.INTERNAL_ERROR, null, String.valueOf(error), error);
        }
    }
}
