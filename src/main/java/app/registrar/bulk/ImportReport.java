package app.registrar.bulk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The end of an import or dry run: a count per outcome, the rows that need the admin's attention (failed, invalid;
 * at most {@link #MAX_LISTED}, the journal has every row), and where generated passwords were written.
 * {@code journalDamaged}: the record of an earlier run was cut off or unreadable, so rows were reconciled with the
 * server and an account whose origin could not be proven is reported as such.
 */
public record ImportReport(boolean dryRun, boolean cancelled, Map<RowOutcome, Long> counts, List<RowResult> attention,
                           long attentionNotListed, Path passwordsFile, Path journal, Duration took,
                           boolean journalDamaged) {

    public static final int MAX_LISTED = 10_000;

    public ImportReport {
        EnumMap<RowOutcome, Long> all = new EnumMap<>(RowOutcome.class);
        for (RowOutcome outcome : RowOutcome.values()) {
            all.put(outcome, counts.getOrDefault(outcome, 0L));
        }
        counts = Map.copyOf(all);
        attention = List.copyOf(attention);
    }

    public long count(RowOutcome outcome) {
        return counts.get(outcome);
    }
}
