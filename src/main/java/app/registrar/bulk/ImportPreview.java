package app.registrar.bulk;

import java.nio.file.Path;
import java.util.List;

/**
 * An import file read and checked row by row, before anything is sent: what the admin reviews.
 *
 * @param file           the CSV file
 * @param rows           every data row, valid or not, in file order
 * @param ignoredColumns header names that are not imported (for example an export's {@code deactivated})
 * @param delimiter      the column separator found in the header (comma, semicolon or tab)
 */
public record ImportPreview(Path file, List<ImportRow> rows, List<String> ignoredColumns, char delimiter) {

    public long validCount() {
        return rows.stream().filter(ImportRow::isValid).count();
    }

    public long invalidCount() {
        return rows.size() - validCount();
    }

    public long generatedPasswordCount() {
        return rows.stream().filter(r -> r.isValid() && !r.hasPassword()).count();
    }
}
