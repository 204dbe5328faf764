package app.registrar.bulk;

import app.registrar.api.AdminApi;
import app.registrar.store.AccountStore;
import app.registrar.store.SynapseAccountStore;
import app.registrar.api.UserQuery;
import app.registrar.api.UserSummary;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the accounts nobody has used for N days, to review and deactivate in bulk. Synapse cannot filter the list by
 * last activity (and sorting by it is slow on big servers), so the matching accounts are read in large pages like an
 * export and filtered here. An account counts as inactive when its last activity — or, if it was never seen, its
 * creation — is older than N days; a brand-new account that has not signed in yet is not inactive.
 */
public final class InactiveAccounts {

    /** Rows kept for the review table; every matching ID is kept for the bulk action. */
    public static final int MAX_ROWS = 10_000;

    /**
     * @param cutoff       accounts last active before this instant match
     * @param scanned      accounts read
     * @param userIds      every matching account, in list order
     * @param rows         the first {@link #MAX_ROWS} matching accounts, for review
     */
    public record Result(Instant cutoff, long scanned, List<String> userIds, List<UserSummary> rows, boolean cancelled) {

        public Result {
            userIds = List.copyOf(userIds);
            rows = List.copyOf(rows);
        }
    }

    private final AccountStream stream;
    private final Clock clock;

    public InactiveAccounts(AdminApi api) {
        this(new AccountStream(api), Clock.systemUTC());
    }

    public InactiveAccounts(AccountStore store) {
        this(new AccountStream(store), Clock.systemUTC());
    }

    InactiveAccounts(AccountStream stream, Clock clock) {
        this.stream = stream;
        this.clock = clock;
    }

    /** Whether {@code user} was last active (or created, if never seen) before {@code cutoff}. */
    public static boolean isInactive(UserSummary user, Instant cutoff) {
        Instant last = user.lastSeenAt() != null ? user.lastSeenAt() : user.createdAt();
        return last == null || last.isBefore(cutoff);
    }

    /** The accounts {@code filter} matches that were not active in the last {@code days} days. */
    public Result find(UserQuery filter, int days, JobControl control, Consumer<ExportProgress> progress)
            throws IOException {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + days);
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(days));
        List<String> ids = new ArrayList<>();
        List<UserSummary> rows = new ArrayList<>();
        long[] scanned = {0};
        AccountStream.Outcome outcome = stream.read(filter, control, (page, total) -> {
            for (UserSummary user : page) {
                if (isInactive(user, cutoff)) {
                    ids.add(user.userId());
                    if (rows.size() < MAX_ROWS) {
                        rows.add(user);
                    }
                }
            }
            scanned[0] += page.size();
            progress.accept(new ExportProgress(scanned[0], total));
        });
        return new Result(cutoff, scanned[0], ids, rows, outcome.cancelled());
    }
}
