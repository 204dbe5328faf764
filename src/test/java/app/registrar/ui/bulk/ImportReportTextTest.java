package app.registrar.ui.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.bulk.ImportReport;
import app.registrar.bulk.RowOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 9, section 3: the import's closing line never folds unproven or unconfirmed accounts into other counts. */
class ImportReportTextTest {

    @Test
    void accountsOfUnknownOriginAndUnconfirmedOnesAreNamedApartFromAlreadyExisting() {
        ImportReport report = new ImportReport(false, false, Map.of(RowOutcome.CREATED, 3L,
                RowOutcome.EXISTS_ORIGIN_UNKNOWN, 1L, RowOutcome.UNCONFIRMED, 2L), List.of(), 0, null, null,
                Duration.ZERO, true);

        String text = ImportViewModel.summary(report);

        assertThat(text).contains("3 created", "0 already existed");
        assertThat(text).contains("1 exist, but it could not be told whether this import created them");
        assertThat(text).contains("2 could not be confirmed: the homeserver's answer was lost");
        assertThat(text).contains("The record of an earlier run of this file was cut off or damaged");
    }
}
