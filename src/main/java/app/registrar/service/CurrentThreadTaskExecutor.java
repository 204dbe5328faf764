package app.registrar.service;

import app.registrar.api.Cancellation;

/**
 * Runs each task at once on the calling thread, callbacks included: view-model tests see the outcome as soon
 * as the command returns. Scheduled actions run immediately too, so debounced searches fire without waiting.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        T value;
        try {
            value = new Cancellation().bind(task.work());
        } catch (Throwable error) {
            task.fail(error);
            return TaskHandle.NONE;
        }
        task.succeed(value);
        return TaskHandle.NONE;
    }

    @Override
    public TaskHandle schedule(long delayMillis, Runnable action) {
        action.run();
        return TaskHandle.NONE;
    }
}
