package app.registrar.ui.bulk;

import app.registrar.api.MatrixApiException;
import app.registrar.bulk.ImportFile;
import app.registrar.bulk.ImportFileException;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.I18n;

/** Failures of bulk jobs in the admin's words: homeserver errors and file faults as everywhere else, a malformed import file by its reason. */
final class BulkErrors {

    private BulkErrors() {
    }

    static ErrorReport describe(MatrixApiException error) {
        // The reader's own reason says which column or line is wrong; every other file fault has its category.
        if (error.getCause() instanceof ImportFileException file && file.reason() != ImportFileException.Reason.EMPTY) {
            String next = file.reason() == ImportFileException.Reason.TOO_MANY_ROWS
                    ? I18n.tr("import.file.too.many.next", ImportFile.MAX_ROWS) : I18n.tr("file.error.next.format");
            return new ErrorReport(text(file), next, file.getMessage());
        }
        return ErrorMessages.describe(error);
    }

    /** The file problem in the admin's words. */
    static String text(ImportFileException file) {
        return switch (file.reason()) {
            case EMPTY -> I18n.tr("import.file.empty");
            case NO_USER_ID_COLUMN -> I18n.tr("import.file.no.user.id");
            case NOT_CSV -> I18n.tr("import.file.unreadable", file.line() == 0 ? "?" : file.line(), file.detail());
            case TOO_MANY_ROWS -> I18n.tr("import.file.too.many", ImportFile.MAX_ROWS);
        };
    }
}
