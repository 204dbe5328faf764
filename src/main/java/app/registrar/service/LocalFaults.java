package app.registrar.service;

import app.registrar.api.ErrorCategory;
import app.registrar.api.FileFault;
import app.registrar.api.MatrixApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Sorts a failure that is not a homeserver error into what the admin can act on: a file problem (empty, not a CSV,
 * not UTF-8, missing, not allowed, disk full) or, for anything else, a bug in Registrar. Never throws.
 */
final class LocalFaults {

    private static final System.Logger LOG = System.getLogger(LocalFaults.class.getName());

    private LocalFaults() {
    }

    static MatrixApiException classify(Throwable error) {
        if (error instanceof MatrixApiException api) {
            return api;
        }
        if (error instanceof UncheckedIOException unchecked && unchecked.getCause() != null) {
            return fileFault(unchecked.getCause(), unchecked);
        }
        if (error instanceof IOException io) {
            return fileFault(io, io);
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected failure in background task", error);
        return MatrixApiException.local(ErrorCategory.INTERNAL_ERROR, null, error.getClass().getSimpleName(), error);
    }

    private static MatrixApiException fileFault(IOException io, Throwable original) {
        ErrorCategory category = FileFault.categoryOf(io);
        String file = null;
        if (io instanceof FileFault fault) {
            file = fault.file().map(LocalFaults::name).orElse(null);
        }
        if (file == null && io instanceof FileSystemException system && system.getFile() != null) {
            file = name(Path.of(system.getFile()));
        }
        LOG.log(System.Logger.Level.WARNING, "file problem in background task: " + category + " " + io);
        return MatrixApiException.local(category, file, io.getClass().getSimpleName()
                + (io.getMessage() == null ? "" : ": " + io.getMessage()), original);
    }

    private static String name(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
