package app.registrar.bulk;

import app.registrar.api.UserSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds accounts up into {@link Insights}, one at a time, keeping only counters: memory depends on how many months
 * and days the server has lived, never on how many accounts it has.
 */
final class InsightsTally {

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private final Instant asOf;
    private final ZoneId zone;
    private final long asOfMillis;
    private final Map<YearMonth, long[]> created = new HashMap<>();
    private final Map<Long, long[]> idleDays = new HashMap<>();
    private long scanned;
    private long notDeactivated;
    private long within7;
    private long within30;
    private long within90;
    private long neverSeen;
    private long noActivity;
    private long deactivated;
    private long locked;
    private long guests;
    private long bots;
    private long admins;

    InsightsTally(Instant asOf, ZoneId zone) {
        this.asOf = asOf;
        this.zone = zone;
        this.asOfMillis = asOf.toEpochMilli();
    }

    void add(UserSummary user) {
        scanned++;
        if (user.createdAt() != null) {
            created.computeIfAbsent(YearMonth.from(user.createdAt().atZone(zone)), m -> new long[1])[0]++;
        }
        if (user.deactivated()) {
            deactivated++;
        } else {
            addActivity(user);
        }
        locked += user.locked() ? 1 : 0;
        guests += user.guest() ? 1 : 0;
        bots += "bot".equals(user.userType()) ? 1 : 0;
        admins += user.admin() ? 1 : 0;
    }

    private void addActivity(UserSummary user) {
        notDeactivated++;
        Instant seen = user.lastSeenAt();
        if (seen == null) {
            neverSeen++;
        } else {
            long age = asOfMillis - seen.toEpochMilli();
            within7 += age <= 7 * DAY_MILLIS ? 1 : 0;
            within30 += age <= 30 * DAY_MILLIS ? 1 : 0;
            within90 += age <= 90 * DAY_MILLIS ? 1 : 0;
        }
        Instant last = seen != null ? seen : user.createdAt();
        if (last == null) {
            noActivity++;
            return;
        }
        // Inactive for more than d days means last < asOf - d days, i.e. age - 1 >= d * day in whole milliseconds:
        // so the bucket floor((age - 1) / day) is the largest d for which the account counts as inactive.
        long bucket = Math.floorDiv(asOfMillis - last.toEpochMilli() - 1, DAY_MILLIS);
        if (bucket >= 0) {
            idleDays.computeIfAbsent(bucket, d -> new long[1])[0]++;
        }
    }

    long scanned() {
        return scanned;
    }

    Insights result(long totalAtStart, boolean changedMeanwhile, boolean cancelled) {
        TreeMap<YearMonth, Long> months = new TreeMap<>();
        created.forEach((month, count) -> months.put(month, count[0]));
        TreeMap<Long, Long> idle = new TreeMap<>();
        idleDays.forEach((days, count) -> idle.put(days, count[0]));
        return new Insights(asOf, zone, scanned, totalAtStart, months,
                new Insights.Activity(notDeactivated, within7, within30, within90, neverSeen, idle, noActivity),
                new Insights.Kinds(deactivated, locked, guests, bots, admins), changedMeanwhile, cancelled);
    }
}
