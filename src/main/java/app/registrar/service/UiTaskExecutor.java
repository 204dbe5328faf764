package app.registrar.service;

import app.registrar.api.Cancellation;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * Runs homeserver calls on a small pool of daemon worker threads and delivers every callback on the JavaFX
 * application thread. Cancelling a task aborts its HTTP call through {@link Cancellation}.
 */
public final class UiTaskExecutor implements TaskExecutor {

    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;

    public UiTaskExecutor() {
        this(4);
    }

    public UiTaskExecutor(int threads) {
        workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("registrar-worker-"));
        workers.allowCoreThreadTimeOut(true);
        timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("registrar-timer-"));
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        Cancellation cancellation = new Cancellation();
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> future = workers.submit(() -> {
            T value;
            try {
                value = cancellation.bind(task.work());
            } catch (Throwable error) {
                Platform.runLater(() -> {
                    if (cancelled.get()) {
                        task.finishCancelled();
                    } else {
                        task.fail(error);
                    }
                });
                return;
            }
            Platform.runLater(() -> {
                if (cancelled.get()) {
                    task.finishCancelled();
                } else {
                    task.succeed(value);
                }
            });
        });
        return new TaskHandle() {
            @Override
            public void cancel() {
                if (cancelled.compareAndSet(false, true)) {
                    cancellation.cancel();
                    if (future.cancel(false)) {
                        // never started: nothing else will run its andFinally
                        Platform.runLater(task::finishCancelled);
                    }
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    @Override
    public TaskHandle schedule(long delayMillis, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> future = timer.schedule(() -> Platform.runLater(() -> {
            if (!cancelled.get()) {
                action.run();
            }
        }), delayMillis, TimeUnit.MILLISECONDS);
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                future.cancel(false);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    public void shutdown() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
