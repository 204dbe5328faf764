package app.registrar.service;

/**
 * Where background work runs. {@link UiTaskExecutor} runs it on worker threads and hands results to the JavaFX
 * thread; {@link CurrentThreadTaskExecutor} runs it at once on the caller's thread, for view-model tests.
 */
public interface TaskExecutor {

    /** Starts the task; its callbacks run where this executor delivers results. */
    <T> TaskHandle execute(BackgroundTask<T> task);

    /** Runs {@code action} after {@code delayMillis} on the thread that delivers results (debouncing). */
    TaskHandle schedule(long delayMillis, Runnable action);
}
