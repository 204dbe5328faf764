package app.registrar.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every failure category reads as a plain sentence with a next step; local faults name their file. */
@Tag("fast")
class ErrorMessagesTest {

    @Test
    void everyCategoryHasASentenceAndANextStep() {
        for (ErrorCategory category : ErrorCategory.values()) {
            ErrorReport report = ErrorMessages.describe(MatrixApiException.local(category, "users.csv", "detail", null));
            assertThat(report.message()).as(category.name()).doesNotContain("!").isNotBlank();
            if (category != ErrorCategory.CANCELLED) {
                assertThat(report.nextStep()).as(category.name()).doesNotContain("!").isNotBlank();
            }
        }
    }

    @Test
    void localFaultsNameTheFileAndSayWhatHappened() {
        assertThat(message(ErrorCategory.FILE_EMPTY, "users.csv")).isEqualTo("The file users.csv is empty.");
        assertThat(message(ErrorCategory.FILE_NOT_CSV, "users.xlsx")).isEqualTo("The file users.xlsx is not a CSV file.");
        assertThat(message(ErrorCategory.FILE_ACCESS_DENIED, "users.csv"))
                .isEqualTo("The file users.csv could not be read or written: permission denied.");
        assertThat(message(ErrorCategory.DISK_FULL, "export.csv")).startsWith("The disk is full");
        assertThat(message(ErrorCategory.FILE_NO_ROWS, null)).isEqualTo("The file names its columns but holds no accounts.");
        assertThat(ErrorMessages.describe(MatrixApiException.local(ErrorCategory.FILE_NOT_UTF8, "a.csv", "x", null))
                .nextStep()).contains("CSV UTF-8");
    }

    @Test
    void aBugSaysSoAndKeepsTheTraceInTheDetailsOnly() {
        ErrorReport report = ErrorMessages.describe(MatrixApiException.local(ErrorCategory.INTERNAL_ERROR, null,
                "IllegalStateException", new IllegalStateException("boom")));

        assertThat(report.message()).isEqualTo("Something went wrong inside Registrar.");
        assertThat(report.details()).contains("IllegalStateException: boom");
    }

    private static String message(ErrorCategory category, String file) {
        return ErrorMessages.describe(MatrixApiException.local(category, file, "detail", null)).message();
    }
}
