package app.registrar.bulk;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The end of an export: where the file is, how many accounts it holds, and whether the list changed while it was
 * written (accounts created or changed meanwhile can then be missing or appear twice; export again for an exact copy).
 */
public record ExportReport(Path file, long rows, long totalAtStart, boolean listChangedMeanwhile, boolean cancelled,
                           Duration took) {
}
