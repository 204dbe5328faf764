package app.registrar.bulk;

import app.registrar.api.AdminApi;
import java.util.List;

/**
 * Other shapes of the export's requests, for the benchmark to time beside the shipped one in the same run
 * ({@code scripts/bench.sh --export-shapes=thirds,halves}): what the choice of {@link AccountStream}'s shape rests
 * on. Test code only; the app always uses {@link AccountStream#BY_TOTAL}.
 */
public final class ExportShapes {

    /** The shapes {@link #exporter} knows besides the shipped one ("shipped"). */
    public static final List<String> NAMES = List.of("shipped", "single", "thirds", "halves", "quarters");

    private ExportShapes() {
    }

    /**
     * "shipped": a first page of 1,000 for the total, then the rest in two halves, both in flight. "single": the rest
     * in one request, asked for at once with the first page. "thirds": the shape before 2026-12-02 (pages of a third
     * of {@code total} each, two in flight, the second asked for with the first page); "halves", "quarters": the same
     * with pages of a half or a quarter.
     */
    public static CsvExporter exporter(AdminApi api, String shape, long total) {
        return switch (shape) {
            case "shipped" -> new CsvExporter(api);
            case "single" -> new CsvExporter(new AccountStream(api, 2, (int) total));
            case "thirds" -> new CsvExporter(new AccountStream(api, 2, (int) (total / 3 + 1)));
            case "halves" -> new CsvExporter(new AccountStream(api, 2, (int) (total / 2 + 1)));
            case "quarters" -> new CsvExporter(new AccountStream(api, 2, (int) (total / 4 + 1)));
            default -> throw new IllegalArgumentException("unknown export shape " + shape + "; known: " + NAMES);
        };
    }
}
