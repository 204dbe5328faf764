package app.registrar.ui.connect;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.MatrixApiException;
import app.registrar.service.TaskExecutor;
import app.registrar.service.TaskHandle;
import app.registrar.ui.common.ErrorReport;
import java.time.Duration;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The wait after a rate-limited sign-in: the seconds the server asked for (capped), counted down once a second in
 * the error's next step. Sign in is never retried by itself; the admin presses it again once the count is 0.
 */
final class SignInWait {

    /** The wait when the server asks to slow down without saying how long, and the longest wait ever shown. */
    static final int DEFAULT_WAIT_SECONDS = 10;
    static final int MAX_WAIT_SECONDS = 300;

    private final TaskExecutor executor;
    private final Consumer<ErrorReport> show;
    private final ReadOnlyIntegerWrapper seconds = new ReadOnlyIntegerWrapper();
    private TaskHandle countdown = TaskHandle.NONE;

    SignInWait(TaskExecutor executor, Consumer<ErrorReport> show) {
        this.executor = executor;
        this.show = show;
    }

    /** Starts the wait {@code limited} asks for, explained by {@code report}. */
    void start(MatrixApiException limited, ErrorReport report) {
        long asked = limited.retryAfter().map(Duration::getSeconds).orElse((long) DEFAULT_WAIT_SECONDS);
        int wait = (int) Math.max(1, Math.min(MAX_WAIT_SECONDS, asked));
        countdown.cancel();
        seconds.set(wait);
        show.accept(new ErrorReport(report.message(), tr("error.rate.limited.wait", wait), report.details()));
        tick(report);
    }

    private void tick(ErrorReport report) {
        countdown = executor.schedule(1000, () -> {
            int left = seconds.get() - 1;
            seconds.set(Math.max(0, left));
            if (left > 0) {
                show.accept(new ErrorReport(report.message(), tr("error.rate.limited.wait", left), report.details()));
                tick(report);
            } else {
                show.accept(new ErrorReport(report.message(), tr("connect.wait.over"), report.details()));
            }
        });
    }

    boolean isWaiting() {
        return seconds.get() > 0;
    }

    /** Seconds left before the server accepts another sign-in attempt; 0 when Sign in may be pressed. */
    ReadOnlyIntegerProperty secondsProperty() {
        return seconds.getReadOnlyProperty();
    }
}
