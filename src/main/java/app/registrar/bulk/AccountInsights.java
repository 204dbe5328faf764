package app.registrar.bulk;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.api.UserQuery;
import app.registrar.api.UserSummary;
import app.registrar.store.AccountStore;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * The Insights scan: reads every account of the server once — deactivated, locked and guests included — with the
 * export's {@link AccountStream} (large pages, two in flight, never more than a few pages in memory) and adds them
 * up in an {@link InsightsTally}, which keeps counters only. This is the one entry point for the whole scan, so it
 * can be timed against an export of the same list.
 */
public final class AccountInsights {

    /** Every account the server has, as the scan reads it. */
    public static final UserQuery EVERY_ACCOUNT = UserQuery.all()
            .withState(UserQuery.AccountState.ALL).withGuests(true).withLocked(true);

    private final AccountStream stream;
    private final Clock clock;
    private final ZoneId zone;

    public AccountInsights(AccountStore store, ZoneId zone) {
        this(new AccountStream(store), Clock.systemUTC(), zone);
    }

    AccountInsights(AccountStream stream, Clock clock, ZoneId zone) {
        this.stream = stream;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Counts every account. Progress is called on the worker after each chunk of rows, and about every second while
     * the server prepares its reply ({@link ExportProgress#waiting()}); cancelling through {@code control}
     * stops after the page in flight and returns what was counted so far, marked cancelled.
     */
    public Insights scan(JobControl control, Consumer<ExportProgress> progress) throws IOException {
        InsightsTally tally = new InsightsTally(clock.instant(), zone);
        long[] total = {0};
        AccountStream.Outcome outcome;
        try {
            outcome = stream.read(EVERY_ACCOUNT, control, (page, pageTotal) -> {
                for (UserSummary user : page) {
                    tally.add(user);
                }
                total[0] = pageTotal;
                progress.accept(new ExportProgress(tally.scanned(), pageTotal));
            }, progress);
        } catch (MatrixApiException e) {
            // Cancelling aborts the read in flight, which ends as a CANCELLED failure: that is the admin's stop.
            if (e.category() != ErrorCategory.CANCELLED || !control.isCancelled()) {
                throw e;
            }
            return tally.result(total[0], false, true);
        }
        return tally.result(outcome.totalAtStart(), outcome.changedMeanwhile(),
                outcome.cancelled() || control.isCancelled());
    }
}
