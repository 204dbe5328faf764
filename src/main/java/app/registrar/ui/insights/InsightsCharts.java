package app.registrar.ui.insights;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.bulk.Insights;
import app.registrar.ui.common.I18n;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns {@link Insights} into the bars of the three charts, labelled in the admin's language. */
public final class InsightsCharts {

    /** The charts of the screen, each saved as a PNG of its own. */
    public enum Chart { CREATED, ACTIVITY, KINDS }

    private InsightsCharts() {
    }

    /**
     * Accounts created per month, from the first month to the last with every month between (a month without new
     * accounts is a bar of 0, so the time axis stays even).
     */
    static List<ChartBar> createdPerMonth(Insights insights) {
        List<ChartBar> bars = new ArrayList<>();
        if (insights.createdPerMonth().isEmpty()) {
            return bars;
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern("MMM yyyy", I18n.locale());
        YearMonth last = insights.createdPerMonth().lastKey();
        for (YearMonth month = insights.createdPerMonth().firstKey(); !month.isAfter(last); month = month.plusMonths(1)) {
            bars.add(new ChartBar(format.format(month), insights.createdPerMonth().getOrDefault(month, 0L)));
        }
        return bars;
    }

    /** Seen in the last 7, 30 and 90 days, and never seen, over the accounts that are not deactivated. */
    static List<ChartBar> activity(Insights insights) {
        Insights.Activity activity = insights.activity();
        return List.of(
                bar("insights.seen.7", activity.seenWithin7()),
                bar("insights.seen.30", activity.seenWithin30()),
                bar("insights.seen.90", activity.seenWithin90()),
                bar("insights.seen.never", activity.neverSeen()));
    }

    static List<ChartBar> kinds(Insights insights) {
        Insights.Kinds kinds = insights.kinds();
        return List.of(
                bar("insights.kind.deactivated", kinds.deactivated()),
                bar("insights.kind.locked", kinds.locked()),
                bar("insights.kind.guests", kinds.guests()),
                bar("insights.kind.bots", kinds.bots()),
                bar("insights.kind.admins", kinds.admins()));
    }

    // The count sits in the label too, so every number can be read without hovering over a bar.
    private static ChartBar bar(String key, long count) {
        return new ChartBar(tr(key, count), count);
    }

    static String fileName(Chart chart, String serverName) {
        return tr("insights.file.name", chart.name().toLowerCase(Locale.ROOT), serverName.replace(':', '_'));
    }
}
