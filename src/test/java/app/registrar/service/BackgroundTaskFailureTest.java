package app.registrar.service;

import static app.registrar.testing.FxWorkers.awaitFx;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.ErrorCategory;
import app.registrar.api.FileFault;
import app.registrar.api.MatrixApiException;
import app.registrar.testing.FxWorkers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 9, section 1: whatever a background task throws, it ends in andFinally with a category the admin can act on. */
class BackgroundTaskFailureTest {

    private final UiTaskExecutor executor = FxWorkers.executor();
    private final Tasks tasks = new Tasks(executor);

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    /** Runs {@code failure} as a task on a worker thread and returns what onFailure saw, after andFinally ran. */
    private MatrixApiException failWith(Throwable failure) {
        List<MatrixApiException> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean finished = new AtomicBoolean();
        FxWorkers.onFx(() -> tasks.of(() -> {
            if (failure instanceof Exception e) {
                throw e;
            }
            throw (Error) failure;
        }).onFailure(seen::add).andFinally(() -> finished.set(true)).start());
        awaitFx("andFinally of a task that threw " + failure, finished::get);
        assertThat(seen).hasSize(1);
        return seen.get(0);
    }

    @Test
    void aRuntimeExceptionEndsInOnFailureAndAndFinallyAsABugKeepingItsCause() {
        IllegalStateException bug = new IllegalStateException("boom");

        MatrixApiException seen = failWith(bug);

        assertThat(seen.category()).isEqualTo(ErrorCategory.INTERNAL_ERROR);
        assertThat(seen.getCause()).isSameAs(bug);
    }

    @Test
    void anErrorSuchAsAStackOverflowStillEndsInAndFinally() {
        assertThat(failWith(new StackOverflowError()).category()).isEqualTo(ErrorCategory.INTERNAL_ERROR);
    }

    @Test
    void eachKindOfLocalFaultGetsItsOwnCategoryAndNamesTheFile() {
        assertThat(failWith(new FileFault(ErrorCategory.FILE_EMPTY, Path.of("/tmp/in/users.csv"), "0 bytes")))
                .satisfies(e -> assertThat(e.category()).isEqualTo(ErrorCategory.FILE_EMPTY))
                .satisfies(e -> assertThat(e.file()).contains("users.csv"));
        assertThat(failWith(new AccessDeniedException("/srv/secret/users.csv")))
                .satisfies(e -> assertThat(e.category()).isEqualTo(ErrorCategory.FILE_ACCESS_DENIED))
                .satisfies(e -> assertThat(e.file()).contains("users.csv"));
        assertThat(failWith(new NoSuchFileException("/gone/users.csv")).category()).isEqualTo(ErrorCategory.FILE_NOT_FOUND);
        assertThat(failWith(new FileSystemException("/mnt/full/export.csv", null, "No space left on device")).category())
                .isEqualTo(ErrorCategory.DISK_FULL);
        assertThat(failWith(new IOException("There is not enough space on the disk")).category())
                .isEqualTo(ErrorCategory.DISK_FULL);
        assertThat(failWith(new MalformedInputException(1)).category()).isEqualTo(ErrorCategory.FILE_NOT_UTF8);
        assertThat(failWith(new UncheckedIOException(new AccessDeniedException("/x/journal"))).category())
                .isEqualTo(ErrorCategory.FILE_ACCESS_DENIED);
        assertThat(failWith(new IOException("Input/output error")).category()).isEqualTo(ErrorCategory.FILE_UNREADABLE);
    }

    @Test
    void andFinallyRunsEvenWhenTheFailureCallbackItselfThrows() {
        AtomicBoolean finished = new AtomicBoolean();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        FxWorkers.onFx(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e)));
        try {
            FxWorkers.onFx(() -> tasks.of(() -> {
                throw new IOException("disk gone");
            }).onFailure(e -> {
                throw new IllegalArgumentException("a bug in the callback");
            }).andFinally(() -> finished.set(true)).start());
            awaitFx("andFinally after a throwing onFailure", finished::get);
        } finally {
            FxWorkers.onFx(() -> Thread.currentThread().setUncaughtExceptionHandler(before));
        }
        assertThat(finished).isTrue();
    }

    @Test
    void aHomeserverErrorIsPassedOnUnchanged() {
        MatrixApiException server = MatrixApiException.local(ErrorCategory.NETWORK, "reset");

        assertThat(failWith(server)).isSameAs(server);
    }
}
