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
}
