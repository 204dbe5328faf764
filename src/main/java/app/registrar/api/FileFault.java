package app.registrar.api;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A problem with a file on this computer (an import file, a passwords file, an export target, a journal), with the
 * {@link ErrorCategory} that says what the admin can do about it and the file it concerns, so the message can name
 * it. Thrown by the file-reading and -writing code below the UI; {@code BackgroundTask} turns it into a
 * {@link MatrixApiException} of the same category.
 */
public class FileFault extends IOException {

    private final ErrorCategory category;
    private final transient Path file;

    public FileFault(ErrorCategory category, Path file, String detail) {
        this(category, file, detail, null);
    }

    public FileFault(ErrorCategory category, Path file, String detail, Throwable cause) {
        super(detail, cause);
        this.category = category;
        this.file = file;
    }

    /** {@code cause}, met while reading or writing {@code file}, with the category that says what happened. */
    public static FileFault about(Path file, IOException cause) {
        if (cause instanceof FileFault fault) {
            return fault;
        }
        return new FileFault(categoryOf(cause), file, cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }

    /** What an operating-system failure means for the admin. */
    public static ErrorCategory categoryOf(IOException error) {
        if (error instanceof FileFault fault) {
            return fault.category();
        }
        if (isDiskFull(error)) {
            return ErrorCategory.DISK_FULL;
        }
        if (error instanceof NoSuchFileException) {
            return ErrorCategory.FILE_NOT_FOUND;
        }
        if (error instanceof AccessDeniedException) {
            return ErrorCategory.FILE_ACCESS_DENIED;
        }
        if (error instanceof CharacterCodingException) {
            return ErrorCategory.FILE_NOT_UTF8;
        }
        return ErrorCategory.FILE_UNREADABLE;
    }

    /** Linux and macOS say "No space left on device"; Windows "There is not enough space on the disk". */
    private static boolean isDiskFull(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String text = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof FileSystemException system && system.getReason() != null) {
                text += " " + system.getReason().toLowerCase(Locale.ROOT);
            }
            if (text.contains("no space left") || text.contains("not enough space") || text.contains("disk full")
                    || text.contains("quota exceeded")) {
                return true;
            }
        }
        return false;
    }

    public ErrorCategory category() {
        return category;
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
