package app.registrar.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import okhttp3.Call;

/**
 * Lets a background task abort the HTTP call its worker thread is making. The task executor binds a
 * {@code Cancellation} to the worker thread; {@link HttpTransport} registers each {@link Call} it starts with the
 * bound one, so {@link #cancel()} reaches all the way down to {@link Call#cancel()}.
 */
public final class Cancellation {

    private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

    private final List<Call> calls = new ArrayList<>();
    private final List<Runnable> hooks = new ArrayList<>();
    private boolean cancelled;

    /** Runs {@code work} on this thread with this cancellation bound to it. */
    public <T> T bind(Callable<T> work) throws Exception {
        Cancellation previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.call();
        } finally {
            CURRENT.set(previous);
        }
    }

    public synchronized void cancel() {
        cancelled = true;
        calls.forEach(Call::cancel);
        calls.clear();
        hooks.forEach(Runnable::run);
        hooks.clear();
    }

    /**
     * Runs {@code hook} when the work on this thread is cancelled (at once if it already is): for waits that are
     * not HTTP calls, such as the single-sign-on browser step.
     */
    public static void onCancel(Runnable hook) {
        Cancellation current = CURRENT.get();
        if (current == null) {
            return;
        }
        synchronized (current) {
            if (current.cancelled) {
                hook.run();
            } else {
                current.hooks.add(hook);
            }
        }
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    static void register(Call call) {
        Cancellation current = CURRENT.get();
        if (current != null) {
            current.add(call);
        }
    }

    static void unregister(Call call) {
        Cancellation current = CURRENT.get();
        if (current != null) {
            synchronized (current) {
                current.calls.remove(call);
            }
        }
    }

    private synchronized void add(Call call) {
        if (cancelled) {
            call.cancel();
        } else {
            calls.add(call);
        }
    }
}
