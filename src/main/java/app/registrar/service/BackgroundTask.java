package app.registrar.service;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A homeserver call described fluently and started on a {@link TaskExecutor}:
 * {@code service.getUser(id).onSuccess(this::show).onFailure(this::explain).andFinally(() -> busy.set(false)).start()}.
 * Callbacks run on the executor's delivery thread (the JavaFX thread in the app), never on the worker.
 * {@link #then} chains a second call that starts from the first one's result: one handle cancels whichever runs,
 * and {@code andFinally} runs once, after the last step.
 */
public final class BackgroundTask<T> {

    private final Callable<T> work;
    private final TaskExecutor executor;
    private final Consumer<MatrixApiException> observer;
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<MatrixApiException> onFailure = error -> { };
    private Runnable andFinally = () -> { };
    /** How {@link #start()} runs this task: on the executor, or as the steps of a chain. */
    private Function<BackgroundTask<T>, TaskHandle> launcher = task -> task.executor.execute(task);

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

    /** Adds a callback that runs after success, failure or cancellation, after those added before it. */
    public BackgroundTask<T> andFinally(Runnable callback) {
        Objects.requireNonNull(callback);
        Runnable before = this.andFinally;
        this.andFinally = () -> {
            try {
                before.run();
            } finally {
                callback.run();
            }
        };
        return this;
    }

    /**
     * A task that runs this one, then the task {@code next} makes from its result (called on the delivery thread,
     * where it may ask the admin something; it may throw a {@link MatrixApiException} to end the chain as a failure).
     * The callbacks set on the returned task see the last step's result, or the first failure; the steps' own
     * callbacks still run first. Cancelling the returned task's handle cancels whichever step is running.
     */
    public <R> BackgroundTask<R> then(Function<? super T, BackgroundTask<R>> next) {
        Objects.requireNonNull(next);
        BackgroundTask<T> first = this;
        BackgroundTask<R> chain = new BackgroundTask<>(executor, () -> {
            throw new IllegalStateException("a chain has no work of its own");
        });
        chain.launcher = outer -> {
            Steps steps = new Steps();
            List<BackgroundTask<R>> second = new ArrayList<>(1);
            List<MatrixApiException> failure = new ArrayList<>(1);
            Consumer<? super T> ownSuccess = first.onSuccess;
            first.onSuccess = value -> {
                ownSuccess.accept(value);
                try {
                    second.add(Objects.requireNonNull(next.apply(value), "next step"));
                } catch (RuntimeException e) {
                    failure.add(asApiException(e));
                }
            };
            Consumer<MatrixApiException> ownFailure = first.onFailure;
            first.onFailure = e -> {
                failure.add(e);
                ownFailure.accept(e);
            };
            first.andFinally(() -> {
                if (steps.cancelled || (failure.isEmpty() && second.isEmpty())) {
                    outer.finishCancelled();
                } else if (!failure.isEmpty()) {
                    outer.deliverFailure(failure.get(0));
                } else {
                    BackgroundTask<R> step = second.get(0);
                    Consumer<? super R> stepSuccess = step.onSuccess;
                    Consumer<MatrixApiException> stepFailure = step.onFailure;
                    steps.current = step
                            .onSuccess(value -> {
                                stepSuccess.accept(value);
                                steps.delivered = true;
                                outer.succeed(value);
                            })
                            .onFailure(e -> {
                                stepFailure.accept(e);
                                steps.delivered = true;
                                outer.deliverFailure(e);
                            })
                            .andFinally(() -> {
                                if (!steps.delivered) {
                                    outer.finishCancelled();
                                }
                            })
                            .start();
                }
            });
            TaskHandle firstHandle = first.start();
            if (steps.current == null) {
                steps.current = firstHandle;
            }
            return steps;
        };
        return chain;
    }

    public TaskHandle start() {
        return launcher.apply(this);
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

    /** A failure that an earlier step of a chain already showed to the failure observer. */
    private void deliverFailure(MatrixApiException failure) {
        try {
            onFailure.accept(failure);
        } finally {
            andFinally.run();
        }
    }

    /** The handle of a chain: cancelling it reaches whichever step is running. */
    private static final class Steps implements TaskHandle {
        private TaskHandle current;
        private boolean cancelled;
        /** Set once the last step handed its result or failure on; the chain's andFinally then ran already. */
        private boolean delivered;

        @Override
        public void cancel() {
            cancelled = true;
            if (current != null) {
                current.cancel();
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
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
