package app.registrar.bulk;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What one pass over every account of a server found, for the Insights screen: accounts created per month, how
 * recently the accounts that are not deactivated were seen, and how many are deactivated, locked, guests, bots or
 * admins. Made by {@link AccountInsights#scan}; a cancelled scan holds what was counted until then.
 *
 * @param asOf            the moment "the last N days" are counted back from
 * @param zone            the time zone months are counted in
 * @param scanned         accounts counted
 * @param totalAtStart    how many accounts the server said it has when the scan began
 * @param createdPerMonth accounts created in each month (months without any are left out); accounts without a
 *                        creation time are not in it
 * @param activity        last-seen counts of the accounts that are not deactivated
 * @param kinds           deactivated, locked, guests, bots and admins
 * @param changedMeanwhile the account list changed while it was read
 * @param cancelled       the admin stopped the scan before the end
 */
public record Insights(Instant asOf, ZoneId zone, long scanned, long totalAtStart,
                       NavigableMap<YearMonth, Long> createdPerMonth, Activity activity, Kinds kinds,
                       boolean changedMeanwhile, boolean cancelled) {

    public Insights {
        createdPerMonth = Collections.unmodifiableNavigableMap(new TreeMap<>(createdPerMonth));
    }

    /**
     * Last-seen counts over the accounts that are not deactivated.
     *
     * @param accounts      accounts that are not deactivated
     * @param seenWithin7   seen in the last 7 days
     * @param seenWithin30  seen in the last 30 days (the 7 days included)
     * @param seenWithin90  seen in the last 90 days (the 30 days included)
     * @param neverSeen     never seen at all (no client connection recorded)
     * @param idleDays      for each whole number of days d, how many accounts were last active (seen, or created
     *                      when never seen) more than d and at most d + 1 days before {@code asOf}
     * @param noActivity    accounts with neither a last-seen nor a creation time
     */
    public record Activity(long accounts, long seenWithin7, long seenWithin30, long seenWithin90, long neverSeen,
                           NavigableMap<Long, Long> idleDays, long noActivity) {

        public Activity {
            idleDays = Collections.unmodifiableNavigableMap(new TreeMap<>(idleDays));
        }

        /**
         * How many were not active for more than {@code days} days — the same rule as {@link InactiveAccounts}
         * (last seen, or created when never seen, before {@code asOf} minus {@code days}), so the list one click
         * away holds as many accounts as this number says.
         */
        public long inactiveLongerThan(int days) {
            long count = noActivity;
            for (Map.Entry<Long, Long> entry : idleDays.tailMap((long) days, true).entrySet()) {
                count += entry.getValue();
            }
            return count;
        }
    }

    /** Counts by kind; one account can be in several (a locked admin). */
    public record Kinds(long deactivated, long locked, long guests, long bots, long admins) {
    }
}
