package app.registrar.ui.bulk;

import app.registrar.api.MatrixApiException;
import app.registrar.bulk.ImportFileException;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.I18n;
import java.io.IOException;

/** Failures of bulk jobs in the admin's words: homeserver errors as everywhere else, file problems as file problems. */
final class BulkErrors {

    private BulkErrors() {
    }

    static ErrorReport describe(MatrixApiException error) {
        Throwable cause = error.getCause();
        if (cause instanceof ImportFileException file) {
            return new ErrorReport(text(file), I18n.tr("file.error.next.format"), "");
        }
        if (cause instanceof IOException io) {
            return new ErrorReport(I18n.tr("file.error"), I18n.tr("file.error.next"),
                    io.getClass().getSimpleName() + ": " + io.getMessage());
        }
        return ErrorMessages.describe(error);
    }

    /** The file problem in the admin's words. */
    static String text(ImportFileException file) {
        return switch (file.reason()) {
            case EMPTY -> I18n.tr("import.file.empty");
            case NO_USER_ID_COLUMN -> I18n.tr("import.file.no.user.id");
            case NOT_CSV -> I18n.tr("import.file.unreadable", file.line() == 0 ? "?" : file.line(), file.detail());
        };
    }
}
