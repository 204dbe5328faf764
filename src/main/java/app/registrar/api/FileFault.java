package app.registrar.api;

import java.io.IOException;
import java.nio.file.Path;
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

    public ErrorCategory category() {
        return category;
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
