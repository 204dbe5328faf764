package app.registrar.bulk;

import app.registrar.api.MatrixApiException;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import java.io.IOException;

/** Failures of bulk jobs in the admin's words: homeserver errors as everywhere else, file problems as file problems. */
final class BulkErrors {

    private BulkErrors() {
    }

    static ErrorReport describe(MatrixApiException error) {
        Throwable cause = error.getCause();
        if (cause instanceof ImportFileException file) {
            return new ErrorReport(file.getMessage(), BulkText.tr("file.error.next.format"), "");
        }
        if (cause instanceof IOException io) {
            return new ErrorReport(BulkText.tr("file.error"), BulkText.tr("file.error.next"),
                    io.getClass().getSimpleName() + ": " + io.getMessage());
        }
        return ErrorMessages.describe(error);
    }
}
