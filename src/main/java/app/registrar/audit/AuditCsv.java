package app.registrar.audit;

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

    /**
     * The account export's rule (bulk {@code CsvCells}), kept here because the audit engine sits below the bulk
     * engines: a cell starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so
     * spreadsheets show it as text instead of running it as a formula.
     */
    static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }

    public static void write(List<AuditEntry> entries, Path target) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
             SequenceWriter rows = MAPPER.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(out)) {
            rows.write(COLUMNS.toArray(String[]::new));
            for (AuditEntry e : entries) {
                rows.write(new String[] {
                        e.sent().toString(), e.finished() == null ? "" : e.finished().toString(),
                        neutralise(e.admin()), e.action(), neutralise(e.target()),
                        neutralise(e.details()), e.outcome().name(), neutralise(e.error()), e.id()});
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
