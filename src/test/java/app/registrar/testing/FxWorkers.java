package app.registrar.testing;

import app.registrar.service.UiTaskExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.testfx.api.FxToolkit;

/**
 * The app's own {@link UiTaskExecutor} for view-model tests: work runs on real worker threads and callbacks on the
 * real JavaFX thread (headless, Monocle), as in the app, instead of all at once on the test's thread.
 */
public final class FxWorkers {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static volatile boolean started;

    private FxWorkers() {
    }

    /**
     * Starts the JavaFX toolkit once per test run, the way TestFX does ({@link FxToolkit#registerPrimaryStage()}):
     * a toolkit started any other way leaves the later TestFX classes of the same run without their primary stage.
     */
    public static synchronized void startToolkit() {
        if (started) {
            return;
        }
        try {
            FxToolkit.registerPrimaryStage();
        } catch (TimeoutException e) {
            throw new IllegalStateException("the JavaFX toolkit did not start", e);
        }
        Platform.setImplicitExit(false);
        started = true;
    }

    public static UiTaskExecutor executor() {
        startToolkit();
        return new UiTaskExecutor(2);
    }

    /** Runs {@code action} on the JavaFX thread and waits for it. */
    public static void onFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    public static <T> T onFx(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the JavaFX thread did not run the action", e);
        }
    }

    /** Waits until {@code condition}, read on the JavaFX thread, holds; fails the test after a minute. */
    public static void awaitFx(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (onFx(condition::getAsBoolean)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("still waiting for: " + what);
    }
}
