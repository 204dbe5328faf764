package app.registrar.bulk;

import app.registrar.service.TaskExecutor;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands progress from a worker thread to the thread that delivers results (the JavaFX thread in the app), keeping
 * only the latest value: a job that reports a million rows schedules one delivery at a time, never a million.
 */
public final class ProgressRelay<T> implements Consumer<T> {

    private final TaskExecutor executor;
    private final Consumer<? super T> onDeliveryThread;
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public ProgressRelay(TaskExecutor executor, Consumer<? super T> onDeliveryThread) {
        this.executor = Objects.requireNonNull(executor);
        this.onDeliveryThread = Objects.requireNonNull(onDeliveryThread);
    }

    @Override
    public void accept(T value) {
        latest.set(value);
        if (scheduled.compareAndSet(false, true)) {
            executor.schedule(0, () -> {
                scheduled.set(false);
                T current = latest.get();
                if (current != null) {
                    onDeliveryThread.accept(current);
                }
            });
        }
    }
}
