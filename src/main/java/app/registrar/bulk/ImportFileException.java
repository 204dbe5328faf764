package app.registrar.bulk;

import app.registrar.api.ErrorCategory;
import app.registrar.api.FileFault;
import java.nio.file.Path;

/**
 * An import file that cannot be read as a list of accounts at all. The message is for the log; the import dialog
 * says the {@link #reason()} in the admin's words, with the {@link #line()} and the parser's {@link #detail()}.
 * As a {@link FileFault} it also carries the file and a category for the places that only know those.
 */
public final class ImportFileException extends FileFault {

    /** What is wrong with the file as a whole. */
    public enum Reason {
        EMPTY,
        NO_USER_ID_COLUMN,
        NOT_CSV,
        /** More rows than {@link ImportFile#MAX_ROWS}: the file is refused before its rows fill the heap. */
        TOO_MANY_ROWS
    }

    private final Reason reason;
    private final long line;
    private final String detail;

    public ImportFileException(Path file, Reason reason, long line, String detail) {
        super(reason == Reason.EMPTY ? ErrorCategory.FILE_EMPTY : ErrorCategory.FILE_FORMAT, file,
                switch (reason) {
                    case EMPTY -> "the file is empty";
                    case NO_USER_ID_COLUMN -> "the file has no user_id column";
                    case NOT_CSV -> "not readable as CSV near line " + line + ": " + detail;
                    case TOO_MANY_ROWS -> "more than " + ImportFile.MAX_ROWS + " rows (line " + line + ")";
                });
        this.reason = reason;
        this.line = line;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** The line near which the parser gave up, or 0 when unknown. */
    public long line() {
        return line;
    }

    /** The parser's own words, or "". */
    public String detail() {
        return detail;
    }
}
