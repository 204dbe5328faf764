package app.registrar.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.UserQuery;
import app.registrar.api.UserUpdate;
import app.registrar.model.PasswordPolicy;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Exporting accounts to CSV against the real Synapse. */
@ExtendWith(SynapseExtension.class)
class CsvExportSynapseTest {

    @TempDir
    Path dir;
    private TestSynapse synapse;
    private AdminApi admin;

    @BeforeEach
    void connect(TestSynapse synapse) {
        this.synapse = synapse;
        this.admin = synapse.signedInAdmin().admin();
    }

    /** Accounts whose IDs share a fresh prefix, so a name filter finds exactly them. */
    private List<String> accounts(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String userId = "@" + prefix + "-" + String.format("%03d", i) + ":" + synapse.serverName();
            admin.createUser(userId, new UserUpdate().displayName("Person " + i));
            ids.add(userId);
        }
        return ids;
    }

    private static String prefix(String name) {
        return name + UUID.randomUUID().toString().substring(0, 6);
    }

    static List<String[]> readCsv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (Reader reader = skipBom(Files.newBufferedReader(file, StandardCharsets.UTF_8));
             MappingIterator<String[]> lines = new CsvMapper().readerFor(String[].class)
                     .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader)) {
            while (lines.hasNext()) {
                rows.add(lines.next());
            }
        }
        return rows;
    }

    private static Reader skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    @Test
    void exportQuotesEveryCellAndNeutralisesCellsThatSpreadsheetsWouldRunAsFormulas() throws Exception {
        String prefix = prefix("quote");
        String[] names = {"=HYPERLINK(\"http://evil.example\")", "+49 30 1234", "-minus", "@at", "Comma, \"quoted\"\nand a new line"};
        for (int i = 0; i < names.length; i++) {
            admin.createUser("@" + prefix + "-" + i + ":" + synapse.serverName(), new UserUpdate().displayName(names[i]));
        }
        Path file = dir.resolve("accounts.csv");

        ExportReport report = new CsvExporter(admin).export(UserQuery.all().withName(prefix), file, new JobControl(), p -> { });

        assertThat(report.rows()).isEqualTo(names.length);
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(raw).startsWith("\uFEFF\"user_id\",\"displayname\",");
        assertThat(raw).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", "\"'+49 30 1234\"", "\"'-minus\"", "\"'@at\"");
        assertThat(raw).contains("\"'@" + prefix + "-0:" + synapse.serverName() + "\"");
        assertThat(raw).contains("\r\n");
        List<String[]> rows = readCsv(file);
        assertThat(rows.get(0)).containsExactlyElementsOf(CsvExporter.COLUMNS);
        assertThat(rows.subList(1, rows.size())).extracting(r -> CsvCells.restore(r[1]))
                .containsExactlyInAnyOrder("=HYPERLINK(\"http://evil.example\")", "+49 30 1234", "-minus", "@at",
                        "Comma, \"quoted\"\nand a new line");
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r).hasSize(CsvExporter.COLUMNS.size()));
    }

    @Test
    void parallelExportOfManySmallPagesWritesEveryAccountOnceInOrder() throws Exception {
        String prefix = prefix("para");
        List<String> ids = accounts(prefix, 23);
        Path file = dir.resolve("parallel.csv");
        CsvExporter exporter = new CsvExporter(new AccountStream(admin, 3, 4));
        List<ExportProgress> progress = new ArrayList<>();

        ExportReport report = exporter.export(UserQuery.all().withName(prefix), file, new JobControl(), progress::add);

        List<String[]> rows = readCsv(file);
        assertThat(rows.subList(1, rows.size())).extracting(r -> CsvCells.restore(r[0])).containsExactlyElementsOf(ids);
        assertThat(report.rows()).isEqualTo(23);
        assertThat(report.totalAtStart()).isEqualTo(23);
        assertThat(report.listChangedMeanwhile()).isFalse();
        assertThat(progress).last().isEqualTo(new ExportProgress(23, 23));
    }

    @Test
    void exportOfTheWholeServerHoldsAsManyRowsAsTheServerReportsInTotal() throws Exception {
        UserQuery everyone = UserQuery.all().withState(UserQuery.AccountState.ALL).withLocked(true);
        Path file = dir.resolve("everyone.csv");
        long before = admin.listUsers(everyone.withLimit(1)).total();

        ExportReport report = new CsvExporter(new AccountStream(admin, 3, 50)).export(everyone, file, new JobControl(), p -> { });

        long after = admin.listUsers(everyone.withLimit(1)).total();
        List<String[]> rows = readCsv(file);
        Set<String> unique = new HashSet<>();
        rows.subList(1, rows.size()).forEach(r -> unique.add(r[0]));
        assertThat(unique).hasSize(rows.size() - 1);
        assertThat(report.rows()).isEqualTo(rows.size() - 1);
        // Other engineers' test runs may create accounts on the shared test server meanwhile; in CI it is quiet.
        assertThat(report.totalAtStart()).isBetween(before, after);
        if (report.listChangedMeanwhile()) {
            assertThat(report.rows()).isBetween(before, after);
        } else {
            assertThat(report.rows()).isEqualTo(report.totalAtStart());
        }
    }

    @Test
    void cancellingAnExportLeavesNoFileBehind() throws Exception {
        String prefix = prefix("cancel");
        accounts(prefix, 9);
        Path file = dir.resolve("cancelled.csv");
        JobControl control = new JobControl();

        ExportReport report = new CsvExporter(new AccountStream(admin, 1, 3))
                .export(UserQuery.all().withName(prefix), file, control, p -> control.cancel());

        assertThat(report.cancelled()).isTrue();
        assertThat(report.rows()).isLessThan(9);
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("cancelled.csv.part")).doesNotExist();
    }

    @Test
    void anExportedFileReadsBackAsAnImportOfTheSameAccounts() throws Exception {
        String prefix = prefix("round");
        List<String> ids = accounts(prefix, 4);
        Path file = dir.resolve("round.csv");
        new CsvExporter(admin).export(UserQuery.all().withName(prefix), file, new JobControl(), p -> { });

        ImportPreview preview = ImportFile.read(file, synapse.serverName(), PasswordPolicy.none());

        assertThat(preview.rows()).extracting(ImportRow::userId).containsExactlyElementsOf(ids);
        assertThat(preview.rows()).extracting(ImportRow::displayName).containsExactly("Person 0", "Person 1", "Person 2", "Person 3");
        assertThat(preview.rows()).allSatisfy(r -> assertThat(r.isValid()).isTrue());
        assertThat(preview.rows()).extracting(ImportRow::admin).containsOnly(false);
        assertThat(preview.ignoredColumns()).contains("deactivated", "last_seen");
    }
}
