package app.registrar.bulk;

import app.registrar.api.AdminApi;
import app.registrar.store.AccountStore;
import app.registrar.store.SynapseAccountStore;
import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.api.UserPage;
import app.registrar.api.UserQuery;
import app.registrar.api.UserSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads every account a query matches, in the query's order, page after page, without keeping more than a few
 * pages in memory. The first page tells the total; because Synapse's pages are offsets, the remaining pages are then
 * fetched several at a time and handed on in order. Every request pays Synapse's fixed cost of counting all matching
 * accounts, so pages are large ({@link #PAGE}).
 */
final class AccountStream {

    /**
     * Requests in flight at once. Synapse encodes JSON in one Python thread, so more requests do not make it encode
     * faster; two let PostgreSQL count and sort one page while Python encodes the other.
     */
    static final int PARALLEL = 2;
    /**
     * Rows per request (about 13 MB of JSON): every request pays for counting all matching accounts again, so pages
     * are as large as memory allows; 100,000 accounts take two requests in parallel and a small one for the rest.
     */
    static final int PAGE = 50_000;

    /** Receives each page's new rows, in order, on the job's thread. */
    @FunctionalInterface
    interface PageSink {
        void accept(List<UserSummary> rows, long total) throws IOException;
    }

    /** What a full read saw: the total at the start, rows handed on, and whether the list changed meanwhile. */
    record Outcome(long totalAtStart, long delivered, boolean changedMeanwhile, boolean cancelled) {
    }

    private final AccountStore api;
    private final int parallel;
    private final int pageSize;

    AccountStream(AdminApi api) {
        this(new SynapseAccountStore(api));
    }

    AccountStream(AdminApi api, int parallel, int pageSize) {
        this(new SynapseAccountStore(api), parallel, pageSize);
    }

    AccountStream(AccountStore api) {
        this(api, PARALLEL, PAGE);
    }

    AccountStream(AccountStore api, int parallel, int pageSize) {
        this.api = api;
        this.parallel = Math.max(1, parallel);
        this.pageSize = Math.max(1, Math.min(UserQuery.MAX_LIMIT, pageSize));
    }

    Outcome read(UserQuery query, JobControl control, PageSink sink) throws IOException {
        UserQuery base = query.withFrom(null);
        int size = pageSize;
        long total = -1;
        long delivered = 0;
        long nextOffset = 0;
        boolean changed = false;
        Set<String> previousIds = Set.of();
        String trailingToken = null;
        AtomicInteger threadCount = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "registrar-export-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<UserPage>> ahead = new ArrayDeque<>();
        try {
            while (true) {
                // Until the first answer tells the total, the first pages are asked for at once: on a small server
                // the extra ones come back empty, on a big one they save a whole round of waiting.
                while (ahead.size() < parallel && (total < 0 || nextOffset < total)) {
                    int limit = size;
                    if (total >= 0 && total - (nextOffset + size) < size / 2) {
                        // The last page takes a small remainder along: a request of its own would pay the count again.
                        limit = (int) Math.min(UserQuery.MAX_LIMIT, total - nextOffset);
                    }
                    UserQuery page = base.withLimit(limit).withFrom(nextOffset == 0 ? null : Long.toString(nextOffset));
                    ahead.add(pool.submit(() -> fetch(page, control)));
                    nextOffset += limit;
                }
                if (ahead.isEmpty()) {
                    break;
                }
                UserPage page = await(ahead.poll());
                if (control.isCancelled()) {
                    return new Outcome(Math.max(total, 0), delivered, changed, true);
                }
                if (total < 0) {
                    total = page.total();
                } else {
                    changed |= page.total() != total;
                }
                List<UserSummary> fresh = withoutRepeats(page.users(), previousIds);
                if (!page.users().isEmpty()) {
                    previousIds = ids(page.users());
                }
                if (!fresh.isEmpty() || delivered == 0) {
                    sink.accept(fresh, total);
                    delivered += fresh.size();
                }
                if (ahead.isEmpty() && nextOffset >= total) {
                    trailingToken = page.nextToken();
                }
            }
            // Accounts created while the export ran: follow the server's own next_token to the real end.
            while (trailingToken != null && !control.isCancelled()) {
                UserPage page = fetch(base.withLimit(size).withFrom(trailingToken), control);
                changed = true;
                List<UserSummary> fresh = withoutRepeats(page.users(), previousIds);
                previousIds = ids(page.users());
                sink.accept(fresh, total);
                delivered += fresh.size();
                trailingToken = page.nextToken();
            }
            return new Outcome(Math.max(total, 0), delivered, changed, control.isCancelled());
        } finally {
            ahead.forEach(future -> future.cancel(true));
            pool.shutdownNow();
        }
    }

    private UserPage fetch(UserQuery query, JobControl control) {
        if (control.isCancelled()) {
            throw MatrixApiException.local(ErrorCategory.CANCELLED, "cancelled");
        }
        try {
            return control.reads().bind(() -> api.listUsers(query));
        } catch (MatrixApiException | UncheckedIOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static UserPage await(Future<UserPage> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MatrixApiException.local(ErrorCategory.CANCELLED, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A page can start with rows of the previous one when accounts were added before it meanwhile. */
    private static List<UserSummary> withoutRepeats(List<UserSummary> rows, Set<String> previousIds) {
        if (rows.isEmpty() || !previousIds.contains(rows.get(0).userId())) {
            return rows;
        }
        List<UserSummary> fresh = new ArrayList<>(rows.size());
        for (UserSummary row : rows) {
            if (!previousIds.contains(row.userId())) {
                fresh.add(row);
            }
        }
        return fresh;
    }

    private static Set<String> ids(List<UserSummary> rows) {
        Set<String> ids = new HashSet<>(rows.size() * 2);
        rows.forEach(row -> ids.add(row.userId()));
        return ids;
    }
}
