package app.registrar.audit;

import app.registrar.bulk.CsvCells;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes audit entries as CSV for spreadsheets, the same way the account export does: every cell quoted, cells
 * that look like formulas (user IDs start with {@code @}) neutralised, the file replaced only when complete.
 */
public final class AuditCsv {

    public static final List<String> COLUMNS = List.of("sent", "finished", "admin", "action", "target", "details",
            "outcome", "error", "id");

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
            .build();

    private AuditCsv() {
    }

    public static void write(List<AuditEntry> entries, Path target) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
             SequenceWriter rows = MAPPER.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(out)) {
            rows.write(COLUMNS.toArray(String[]::new));
            for (AuditEntry e : entries) {
                rows.write(new String[] {
                        e.sent().toString(), e.finished() == null ? "" : e.finished().toString(),
                        CsvCells.neutralise(e.admin()), e.action(), CsvCells.neutralise(e.target()),
                        CsvCells.neutralise(e.details()), e.outcome().name(), CsvCells.neutralise(e.error()), e.id()});
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
