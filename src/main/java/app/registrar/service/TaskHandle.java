package app.registrar.service;

/** A started background task: it can be cancelled, which also aborts its HTTP call. */
public interface TaskHandle {

    /** Cancels the work; its success and failure callbacks will not run, its {@code andFinally} will. */
    void cancel();

    boolean isCancelled();

    /** A handle for work that never started. */
    TaskHandle NONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
