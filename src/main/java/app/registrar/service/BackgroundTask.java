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

    private static final System.Logger LOG = System.getLogger(BackgroundTask.class.getName());

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
        MatrixApiException failure = asApiException(error);
        try {
            observer.accept(failure);
            onFailure.accept(failure);
        } finally {
            andFinally.run();
        }
    }

    void finishCancelled() {
        andFinally.run();
    }

    /** Anything that is not already a homeserver error is a bug or a local fault: logged, and reported as such. */
    static MatrixApiException asApiException(Throwable error) {
        if (error instanceof MatrixApiException api) {
            return api;
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected failure in background task", error);
        MatrixApiException wrapped = MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE,
                error.getClass().getSimpleName());
        wrapped.initCause(error);
        return wrapped;
    }
}
