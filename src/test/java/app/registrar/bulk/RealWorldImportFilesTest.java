package app.registrar.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.registrar.api.ErrorCategory;
import app.registrar.api.FileFault;
import app.registrar.model.PasswordPolicy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, section 2: the files admins really have, read without a server. */
class RealWorldImportFilesTest {

    private static final String SERVER = "example.org";

    @TempDir
    Path dir;

    private Path write(String name, byte[] mark, String text, Charset charset) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(mark);
        bytes.write(text.getBytes(charset));
        Path file = dir.resolve(name);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static ImportPreview read(Path file) throws Exception {
        return ImportFile.read(file, SERVER, PasswordPolicy.none());
    }

    private static ErrorCategory faultOf(Path file) {
        Throwable thrown = Assertions.catchThrowable(() -> read(file));
        assertThat(thrown).isInstanceOf(FileFault.class);
        return ((FileFault) thrown).category();
    }

    @Test
    void excelUnicodeTextUtf16LittleEndianWithMarkAndTabsImportsCorrectly() throws Exception {
        Path file = write("unicode.txt", new byte[] {(byte) 0xFF, (byte) 0xFE},
                "user_id\tdisplayname\r\nzoe\tZoë Ångström\r\nkenji\t田中 健二\r\n", StandardCharsets.UTF_16LE);

        ImportPreview preview = read(file);

        assertThat(preview.delimiter()).isEqualTo('\t');
        assertThat(preview.rows()).extracting(ImportRow::userId).containsExactly("@zoe:example.org", "@kenji:example.org");
        assertThat(preview.rows()).extracting(ImportRow::displayName).containsExactly("Zoë Ångström", "田中 健二");
        assertThat(preview.rows()).allMatch(ImportRow::isValid);
    }

    @Test
    void csvUtf16BigEndianWithMarkImportsCorrectly() throws Exception {
        Path file = write("be.csv", new byte[] {(byte) 0xFE, (byte) 0xFF},
                "user_id,displayname\nzoe,Zoë\n", StandardCharsets.UTF_16BE);

        assertThat(read(file).rows()).extracting(ImportRow::displayName).containsExactly("Zoë");
    }

    @Test
    void aWindows1252FileWithoutMarkIsRefusedAsNotUtf8InsteadOfGarblingNames() throws Exception {
        Path file = write("ansi.csv", new byte[0], "user_id,displayname\nzoe,Zoë Ångström\n",
                Charset.forName("windows-1252"));

        assertThat(faultOf(file)).isEqualTo(ErrorCategory.FILE_NOT_UTF8);
    }

    @Test
    void aNonUtf8ByteFarBelowTheFirstLinesIsStillRefused() throws Exception {
        StringBuilder text = new StringBuilder("user_id,displayname\n");
        for (int i = 0; i < 2000; i++) {
            text.append("user").append(i).append(",Name ").append(i).append('\n');
        }
        text.append("zoe,Zoë\n");
        Path file = write("late.csv", new byte[0], text.toString(), Charset.forName("windows-1252"));

        assertThat(faultOf(file)).isEqualTo(ErrorCategory.FILE_NOT_UTF8);
    }

    @Test
    void aHeaderOnlyFileSaysItHasNoRows() throws Exception {
        Path file = write("header.csv", new byte[0], "user_id,displayname,email\r\n\r\n", StandardCharsets.UTF_8);

        assertThat(faultOf(file)).isEqualTo(ErrorCategory.FILE_NO_ROWS);
    }

    @Test
    void anEmptyFileSaysItIsEmpty() throws Exception {
        Path file = write("empty.csv", new byte[0], "", StandardCharsets.UTF_8);

        assertThat(faultOf(file)).isEqualTo(ErrorCategory.FILE_EMPTY);
    }

    @Test
    void anExcelWorkbookIsNotACsvFile() throws Exception {
        Path file = dir.resolve("accounts.xlsx");
        Files.write(file, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0});

        assertThat(faultOf(file)).isEqualTo(ErrorCategory.FILE_NOT_CSV);
    }

    @Test
    void aFileWithoutUserIdColumnNamesTheFileAndTheColumn() throws Exception {
        Path file = write("names.csv", new byte[0], "name,mail\nzoe,z@example.org\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(file)).isInstanceOf(ImportFileException.class).hasMessageContaining("user_id")
                .satisfies(e -> assertThat(((FileFault) e).file()).contains(file));
    }

    @Test
    void aDisplayNameOverTheServersLimitIsRefusedOnItsRow() throws Exception {
        String longest = "ä".repeat(ImportFile.MAX_DISPLAY_NAME);
        Path file = write("long.csv", new byte[0],
                "user_id,displayname\nfits," + longest + "\ntoolong," + longest + "x\n", StandardCharsets.UTF_8);

        ImportPreview preview = read(file);

        assertThat(preview.rows().get(0).problems()).isEmpty();
        assertThat(preview.rows().get(1).problems()).containsExactly(RowProblem.DISPLAY_NAME_TOO_LONG);
    }

    @Test
    void rowLineNumbersStayRightAfterACellWithLineBreaks() throws Exception {
        Path file = write("multiline.csv", new byte[0],
                "user_id,displayname\r\n"            // line 1
                        + "anna,\"Anna\r\nSecond line\r\nThird\"\r\n" // lines 2-4
                        + "bad user,Bob\r\n"          // line 5
                        + "carl,\"C\nL\"\r\n"         // lines 6-7
                        + "\r\n"                      // line 8, blank
                        + "dora,\"D\r\n\r\nD\"\r\n"      // lines 9-11
                        + "\"bad,quote",                // line 12, no line end
                StandardCharsets.UTF_8);

        Throwable broken = Assertions.catchThrowable(() -> read(file));
        Files.writeString(file, Files.readString(file).replace("\"bad,quote", "emil,Emil"));
        ImportPreview preview = read(file);

        assertThat(broken).isInstanceOf(ImportFileException.class).hasMessageContaining("line 12");
        assertThat(preview.rows()).extracting(ImportRow::line).containsExactly(2L, 5L, 6L, 9L, 12L);
        assertThat(preview.rows().get(1).problems()).contains(RowProblem.INVALID_USER_ID);
    }
}
