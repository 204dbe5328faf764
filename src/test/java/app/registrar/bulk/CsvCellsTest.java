package app.registrar.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.model.PasswordPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cell neutralising and the reading rules of import files, without a server. */
@Tag("fast")
class CsvCellsTest {

    @TempDir
    Path dir;

    @Test
    void cellsThatStartLikeAFormulaGetAnApostropheAndReadBackUnchanged() {
        for (String risky : new String[] {"=1+1", "+31 20", "-5", "@alice:example.org", "\tx", "\rx"}) {
            assertThat(CsvCells.neutralise(risky)).isEqualTo("'" + risky);
            assertThat(CsvCells.restore(CsvCells.neutralise(risky))).isEqualTo(risky);
        }
        assertThat(CsvCells.neutralise("Alice")).isEqualTo("Alice");
        assertThat(CsvCells.neutralise(null)).isEmpty();
        assertThat(CsvCells.restore("'quoted")).isEqualTo("'quoted");
    }

    @Test
    void namesThatAlreadyStartWithAnApostropheAndAFormulaCharacterReadBackExactly() {
        for (String name : new String[] {"'=SUM(A1)", "'+1", "'-x", "'@home", "''=twice", "'plain", "'", "''"}) {
            assertThat(CsvCells.restore(CsvCells.neutralise(name))).isEqualTo(name);
        }
        // Files exported before this rule still read back as they were meant.
        assertThat(CsvCells.restore("'=1+1")).isEqualTo("=1+1");
    }

    @Test
    void theAdminColumnTakesOnlyRealBooleans() {
        assertThat(ImportFile.parseBoolean("TRUE")).isTrue();
        assertThat(ImportFile.parseBoolean("yes")).isTrue();
        assertThat(ImportFile.parseBoolean("1")).isTrue();
        assertThat(ImportFile.parseBoolean("no")).isFalse();
        assertThat(ImportFile.parseBoolean("0")).isFalse();
        assertThat(ImportFile.parseBoolean("2")).isNull();
        assertThat(ImportFile.parseBoolean("admin")).isNull();
    }

    @Test
    void aByteOrderMarkAndTabsAreUnderstoodAndBlankLinesIgnored() throws Exception {
        Path file = dir.resolve("tabs.csv");
        Files.writeString(file, "\uFEFFuser_id\tdisplayname\talice\tAlice\n\n\t\nbob\t\"Bob\tB.\"\n".replaceFirst("\talice", "\nalice"),
                StandardCharsets.UTF_8);

        ImportPreview preview = ImportFile.read(file, "example.org", PasswordPolicy.none());

        assertThat(preview.delimiter()).isEqualTo('\t');
        assertThat(preview.rows()).extracting(ImportRow::userId).containsExactly("@alice:example.org", "@bob:example.org");
        assertThat(preview.rows()).extracting(ImportRow::displayName).containsExactly("Alice", "Bob\tB.");
        assertThat(preview.rows()).extracting(ImportRow::row).containsExactly(1, 2);
    }

    @Test
    void timesAreWrittenExactlyAsInstantWritesThem() {
        java.util.Random random = new java.util.Random(15);
        java.util.List<java.time.Instant> instants = new java.util.ArrayList<>(java.util.List.of(
                java.time.Instant.EPOCH, java.time.Instant.ofEpochMilli(120), java.time.Instant.ofEpochMilli(1_700_000_000_001L),
                java.time.Instant.parse("2024-02-29T23:59:59Z"), java.time.Instant.parse("9999-12-31T23:59:59.999Z"),
                java.time.Instant.ofEpochSecond(253_402_300_800L), java.time.Instant.ofEpochMilli(-1),
                java.time.Instant.ofEpochSecond(5, 1)));
        for (int i = 0; i < 20_000; i++) {
            long millis = (long) (random.nextDouble() * 4_102_444_800_000L);
            instants.add(java.time.Instant.ofEpochMilli(random.nextBoolean() ? millis : millis / 1000 * 1000));
        }

        for (java.time.Instant instant : instants) {
            assertThat(CsvCells.time(instant)).as("%s", instant).isEqualTo(instant.toString());
        }
        assertThat(CsvCells.time(null)).isEmpty();
    }

    @Test
    void rowsAreWrittenAsJacksonsCsvWriterWritesThemWithQuotesAlwaysOn() throws Exception {
        String[][] rows = {
            {"user_id", "displayname", "admin"},
            {"'@a:example.org", "Ann \"the\" Admin", "true"},
            {"", "comma, inside", "line\nbreak"},
            {"carriage\rreturn", "\"\"", "Zoë ✓ 😀"},
        };
        com.fasterxml.jackson.dataformat.csv.CsvMapper mapper = com.fasterxml.jackson.dataformat.csv.CsvMapper.builder()
                .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
                .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
                .build();
        java.io.StringWriter jackson = new java.io.StringWriter();
        try (com.fasterxml.jackson.databind.SequenceWriter writer = mapper
                .writer(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withLineSeparator("\r\n"))
                .writeValues(jackson)) {
            for (String[] row : rows) {
                writer.write(row);
            }
        }
        java.io.StringWriter byHand = new java.io.StringWriter();
        for (String[] row : rows) {
            CsvCells.writeRow(byHand, row);
        }

        assertThat(byHand.toString()).isEqualTo(jackson.toString());
        assertThat(byHand.toString()).startsWith("\"user_id\",\"displayname\",\"admin\"\r\n\"'@a:example.org\",\"Ann \"\"the\"\" Admin\"");
    }
}
