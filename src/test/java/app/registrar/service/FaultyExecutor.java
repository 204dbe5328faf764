package app.registrar.service;

/**
 * Fault injection for view-model tests: runs every task on the wrapped executor (real worker threads), except that
 * the next task, when a fault is armed, throws that fault from its worker instead of doing its work. Used for faults
 * this machine cannot produce for real (permission denied as root, a full disk).
 */
public final class FaultyExecutor implements TaskExecutor {

    private final TaskExecutor delegate;
    private volatile Throwable armed;

    public FaultyExecutor(TaskExecutor delegate) {
        this.delegate = delegate;
    }

    /** The next task started fails with {@code fault}, thrown on its worker thread. */
    public void failNextWith(Throwable fault) {
        armed = fault;
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        Throwable fault = armed;
        armed = null;
        if (fault == null) {
            return delegate.execute(task);
        }
        BackgroundTask<T> failing = new BackgroundTask<>(delegate, () -> {
            throw FaultyExecutor.<RuntimeException>sneaky(fault);
        });
        // The task's own callbacks, andFinally included, get exactly what the app would deliver.
        failing.onFailure(task::fail);
        return delegate.execute(failing);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable fault) throws E {
        throw (E) fault;
    }

    @Override
    public TaskHandle schedule(long delayMillis, Runnable action) {
        return delegate.schedule(delayMillis, action);
    }
}
