package app.registrar.bulk;

import app.registrar.api.Cancellation;

/**
 * Pause, resume and cancel for a long bulk job, shared between the view model (which asks) and the worker (which
 * checks between accounts). Cancelling also aborts the HTTP reads of a running export through its
 * {@link Cancellation}; writes (creating, deactivating) are never cut off half-way: the job stops after the
 * account it is working on, so every account ends in a known state.
 */
public final class JobControl {

    private final Cancellation reads = new Cancellation();
    private boolean paused;
    private volatile boolean cancelled;

    public synchronized void pause() {
        if (!cancelled) {
            paused = true;
        }
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public void cancel() {
        synchronized (this) {
            cancelled = true;
            paused = false;
            notifyAll();
        }
        reads.cancel();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Blocks while the job is paused; returns false when it was cancelled (meanwhile or before). */
    public boolean awaitTurn() {
        synchronized (this) {
            while (paused && !cancelled) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                }
            }
        }
        return !cancelled;
    }

    /** The cancellation that HTTP reads of this job are bound to. */
    Cancellation reads() {
        return reads;
    }
}
