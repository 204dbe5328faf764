package app.registrar.ui.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.bulk.ImportFile;
import app.registrar.bulk.ImportFileException;
import app.registrar.model.PasswordPolicy;
import app.registrar.ui.common.ErrorReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import file bigger than the launcher's heap holds is refused while it is read, with a sentence that says how
 * many rows one import takes and how to split the file — not an out-of-memory failure halfway through.
 */
@Tag("fast")
class ImportFileLimitTest {

    @TempDir
    Path dir;

    private Path fileOf(int rows) throws IOException {
        Path file = dir.resolve(rows + ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("user_id,displayname\n");
            for (int i = 1; i <= rows; i++) {
                out.write("person" + i + ",Person " + i + "\n");
            }
        }
        return file;
    }

    @Test
    void aFileOfExactlyTheLimitIsReadWhole() throws Exception {
        assertThat(ImportFile.read(fileOf(ImportFile.MAX_ROWS), "example.org", PasswordPolicy.none()).rows())
                .hasSize(ImportFile.MAX_ROWS);
    }

    @Test
    void oneRowMoreIsRefusedWithTheLimitAndTheAdviceToSplitTheFile() throws Exception {
        Path file = fileOf(ImportFile.MAX_ROWS + 1);

        ImportFileException refused = catchThrowableOfType(
                () -> ImportFile.read(file, "example.org", PasswordPolicy.none()), ImportFileException.class);

        assertThat(refused.reason()).isEqualTo(ImportFileException.Reason.TOO_MANY_ROWS);
        assertThat(refused.line()).isEqualTo(ImportFile.MAX_ROWS + 2L);
        ErrorReport report = BulkErrors.describe(
                MatrixApiException.local(ErrorCategory.FILE_FORMAT, file.toString(), refused.getMessage(), refused));
        assertThat(report.message())
                .isEqualTo("The file has more than 100,000 accounts: Registrar imports up to 100,000 at a time.");
        assertThat(report.nextStep()).startsWith("Split the file into parts of up to 100,000 rows");
    }
}
