package app.registrar.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.UserUpdate;
import app.registrar.testing.SynapseAdmin;
import app.registrar.testing.SynapseExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, section 3: an import never misreports what it did, even when the journal of an earlier run was cut off
 * or holds bytes that are not text. The real Synapse holds the accounts; the journal is damaged as a crash would.
 */
@ExtendWith(SynapseExtension.class)
class ImportJournalHonestySynapseTest {

    @RegisterExtension
    final SynapseAdmin server = new SynapseAdmin("jr");

    @TempDir
    Path dir;

    private Path csv() throws IOException {
        Path file = dir.resolve(server.prefix() + ".csv");
        Files.writeString(file, "user_id,displayname,password\r\n"
                + server.prefix() + "-r1,Row 1,Journal-Pass-2026!\r\n"
                + server.prefix() + "-r2,Row 2,Journal-Pass-2026!\r\n"
                + server.prefix() + "-r3,Row 3,Journal-Pass-2026!\r\n", StandardCharsets.UTF_8);
        return file;
    }

    /** A first run that stops after row 1; then row 2 is created by the "lost" run whose journal line was torn. */
    private ImportJournal interruptedRun(Path file, Path journals, byte[] damage) throws Exception {
        ImportOptions oneAtATime = new ImportOptions(ImportOptions.Existing.SKIP, false, 1);
        JobControl control = new JobControl();
        try (ImportJournal journal = ImportJournal.open(journals, file, server.synapse().url().toString())) {
            new CsvImporter(server.admin()).run(preview(file), oneAtATime, journal, null, control, p -> control.cancel());
        }
        server.admin().createUser(server.id("r2"), new UserUpdate().displayName("Made by the lost run"));
        ImportJournal first = ImportJournal.open(journals, file, server.synapse().url().toString());
        Path journalFile = first.file();
        first.close();
        Files.write(journalFile, damage, StandardOpenOption.APPEND);
        return ImportJournal.open(journals, file, server.synapse().url().toString());
    }

    private ImportPreview preview(Path file) throws IOException {
        return ImportFile.read(file, server.synapse().serverName(), CsvImportSynapseTest.POLICY);
    }

    private ImportReport resume(Path file, ImportJournal journal, List<RowResult> seen) throws IOException {
        try (journal) {
            return new CsvImporter(server.admin()).run(preview(file), new ImportOptions(ImportOptions.Existing.SKIP, false, 1),
                    journal, null, new JobControl(), p -> seen.add(p.last()));
        }
    }

    @Test
    void aJournalCutOffMidLineIsDetectedAndAnAccountItMayHaveCreatedIsNotReportedAsAlreadyExisting() throws Exception {
        Path file = csv();
        ImportJournal journal = interruptedRun(file, dir.resolve("j"), "2\tSEN".getBytes(StandardCharsets.UTF_8));
        List<RowResult> seen = new ArrayList<>();

        boolean detected = journal.isDamaged();
        ImportReport report = resume(file, journal, seen);

        assertThat(detected).isTrue();
        assertThat(report.journalDamaged()).isTrue();
        assertThat(seen).extracting(RowResult::outcome).containsExactly(
                RowOutcome.DONE_EARLIER, RowOutcome.EXISTS_ORIGIN_UNKNOWN, RowOutcome.CREATED);
        assertThat(report.count(RowOutcome.SKIPPED_EXISTING)).isZero();
        assertThat(report.attention()).extracting(RowResult::userId).contains(server.id("r2"));
        // Nothing was sent to the account a second time: it is as the lost run left it.
        assertThat(server.admin().getUser(server.id("r2")).displayName()).isEqualTo("Made by the lost run");
        assertThat(server.admin().getUser(server.id("r3")).displayName()).isEqualTo("Row 3");
    }

    @Test
    void aJournalHoldingBytesThatAreNotUtf8IsDetectedInsteadOfFailingTheImport() throws Exception {
        Path file = csv();
        byte[] garbage = {'2', '\t', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\t', '@', '\n'};
        ImportJournal journal = interruptedRun(file, dir.resolve("k"), garbage);
        List<RowResult> seen = new ArrayList<>();

        ImportReport report = resume(file, journal, seen);

        assertThat(report.journalDamaged()).isTrue();
        assertThat(seen).extracting(RowResult::outcome).containsExactly(
                RowOutcome.DONE_EARLIER, RowOutcome.EXISTS_ORIGIN_UNKNOWN, RowOutcome.CREATED);
        assertThat(server.admin().getUser(server.id("r2")).displayName()).isEqualTo("Made by the lost run");
    }

    @Test
    void anIntactJournalStillSaysAlreadyExistedForAnAccountTheImportNeverTouched() throws Exception {
        Path file = csv();
        server.admin().createUser(server.id("r2"), new UserUpdate().displayName("Someone else's"));
        List<RowResult> seen = new ArrayList<>();

        ImportReport report = resume(file, ImportJournal.open(dir.resolve("l"), file, server.synapse().url().toString()), seen);

        assertThat(report.journalDamaged()).isFalse();
        assertThat(seen).extracting(RowResult::outcome).containsExactly(
                RowOutcome.CREATED, RowOutcome.SKIPPED_EXISTING, RowOutcome.CREATED);
    }
}
