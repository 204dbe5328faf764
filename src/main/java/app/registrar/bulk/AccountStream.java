package app.registrar.bulk;

import app.registrar.api.AdminApi;
import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.api.StreamedPage;
import app.registrar.api.UserQuery;
import app.registrar.api.UserSummary;
import app.registrar.store.AccountStore;
import app.registrar.store.SynapseAccountStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads every account a query matches, in the query's order, without ever holding a page whole: each reply is
 * parsed as it arrives ({@link AccountStore#streamUsers}) and its rows are handed on in chunks. A small first page
 * tells the total quickly; the rest then comes in two requests in flight at once (more above {@link #MAX_PAGE} rows
 * each), each reply read once the page before it has been handed on (until then it waits in the socket). Every
 * Synapse list request pays a count of all matching accounts and an offset scan, so pages are few; two let the
 * server's database answer one while its Python thread encodes the other, and let this side parse the first while
 * the server prepares the second (the shapes measured against each other: docs/performance.md). Memory does not
 * depend on the page size.
 */
final class AccountStream {

    /** Requests in flight at once. */
    static final int PARALLEL = 2;
    /**
     * The most rows asked for in one request: beyond twice this, the rest after the first page is split into more
     * equal pages. Synapse builds a whole reply in memory before its first byte (its peak RSS reached 2.7 GB with a million
     * accounts asked for at once, 480 MB with 100,000), so
     * a bigger server is read in more requests rather than ones the server may not have the memory for.
     */
    static final int MAX_PAGE = 500_000;
    /** Below twice this many rows after the first page, the rest is one request: a second would not pay its count. */
    static final int MIN_PAGE = 25_000;
    /** Rows per request when following the server's next_token past the total (accounts added meanwhile). */
    static final int TRAILING_PAGE = 25_000;
    /** Asks {@link #pageSize(long)} to size the pages by the total rather than a fixed size. */
    static final int BY_TOTAL = 0;
    /** Rows of the first request: enough to start writing, small enough that the total is known at once. */
    static final int FIRST_PAGE = 1_000;
    /** Rows handed to the sink at a time. */
    static final int CHUNK = 1_000;
    /** A page's last user IDs kept to drop repeats at the start of the next one (accounts added meanwhile). */
    static final int TAIL = 1_000;
    /**
     * How often a read that has handed on no row for a while says how long it has been waiting: Synapse prepares a
     * whole reply before its first byte (most of a minute for a million accounts), and an admin watching the
     * progress should see time pass rather than a count that stands still.
     */
    static final Duration WAIT_REPORT = Duration.ofSeconds(1);

    /** Receives each chunk of rows, in order, one call at a time (from the export's worker threads). */
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
        this(api, PARALLEL, BY_TOTAL);
    }

    /** With a fixed {@code pageSize}, or {@link #BY_TOTAL}. */
    AccountStream(AccountStore api, int parallel, int pageSize) {
        this.api = api;
        this.parallel = Math.max(1, parallel);
        this.pageSize = pageSize == BY_TOTAL ? BY_TOTAL : Math.max(1, Math.min(UserQuery.MAX_LIMIT, pageSize));
    }

    /** The rows of each request after the first page, once the total is known. */
    int pageSize(long total) {
        if (pageSize != BY_TOTAL) {
            return pageSize;
        }
        long rest = Math.max(1, total - FIRST_PAGE);
        long pages = rest < 2L * MIN_PAGE ? 1 : Math.max(2, (rest + MAX_PAGE - 1) / MAX_PAGE);
        return (int) Math.min(UserQuery.MAX_LIMIT, (rest + pages - 1) / pages);
    }

    Outcome read(UserQuery query, JobControl control, PageSink sink) throws IOException {
        return read(query, control, sink, waiting -> { });
    }

    /**
     * Like {@link #read(UserQuery, JobControl, PageSink)}, and while no row has been handed on for
     * {@link #WAIT_REPORT} or longer (the server preparing its reply), tells {@code waiting} how long, with the rows
     * handed on so far and the total, about every {@link #WAIT_REPORT}, from a thread of its own.
     */
    Outcome read(UserQuery query, JobControl control, PageSink sink, Consumer<ExportProgress> waiting) throws IOException {
        UserQuery base = query.withFrom(null);
        Delivery delivery = new Delivery(control, sink);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "registrar-export-wait");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> {
            long idle = System.nanoTime() - delivery.lastHandedOn;
            if (idle >= WAIT_REPORT.toNanos() && !control.isCancelled()) {
                waiting.accept(new ExportProgress(delivery.delivered, delivery.total, Duration.ofNanos(idle)));
            }
        }, WAIT_REPORT.toMillis(), WAIT_REPORT.toMillis(), TimeUnit.MILLISECONDS);
        AtomicInteger threadCount = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "registrar-export-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<StreamedPage>> ahead = new ArrayDeque<>();
        CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
        long nextOffset = 0;
        String trailingToken = null;
        try {
            while (true) {
                // With fixed pages, the first ones are asked for at once before the total is known: on a small server
                // the extra ones come back empty, on a big one they save a whole round of waiting. By total, the rest
                // waits for the first answer, since its size is the total.
                long total = delivery.total;
                while (ahead.size() < parallel && (total < 0 ? nextOffset == 0 || pageSize != BY_TOTAL : nextOffset < total)) {
                    int limit = nextOffset == 0 ? Math.min(FIRST_PAGE, pageSize == BY_TOTAL ? FIRST_PAGE : pageSize)
                            : pageSize(total);
                    if (nextOffset > 0 && total >= 0 && total - (nextOffset + limit) < limit / 2) {
                        // The last page takes a small remainder along: a request of its own would pay the count again.
                        limit = (int) Math.max(1, Math.min(UserQuery.MAX_LIMIT, total - nextOffset));
                    }
                    UserQuery page = base.withLimit(limit).withFrom(nextOffset == 0 ? null : Long.toString(nextOffset));
                    CompletableFuture<Void> before = previous;
                    CompletableFuture<Void> handedOn = new CompletableFuture<>();
                    ahead.add(pool.submit(() -> delivery.page(page, before, handedOn)));
                    previous = handedOn;
                    nextOffset += limit;
                }
                if (ahead.isEmpty()) {
                    break;
                }
                StreamedPage page = await(ahead.poll());
                if (control.isCancelled()) {
                    return delivery.outcome(true);
                }
                if (ahead.isEmpty() && nextOffset >= delivery.total) {
                    trailingToken = page.nextToken();
                }
            }
            // Accounts created while the export ran: follow the server's own next_token to the real end.
            while (trailingToken != null && !control.isCancelled()) {
                delivery.changed = true;
                StreamedPage page = delivery.page(base.withLimit(pageSize == BY_TOTAL ? TRAILING_PAGE : pageSize).withFrom(trailingToken),
                        CompletableFuture.completedFuture(null), new CompletableFuture<>());
                trailingToken = page.nextToken();
            }
            return delivery.outcome(control.isCancelled());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            ticker.shutdownNow();
            ahead.forEach(future -> future.cancel(true));
            pool.shutdownNow();
        }
    }

    private static StreamedPage await(Future<StreamedPage> future) {
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

    /**
     * Hands the rows of the pages on, in order: a page's rows wait until the page before it is done, so only one page
     * at a time touches this state (each hand-over is ordered by the future the next page waits for).
     */
    private final class Delivery {

        private final JobControl control;
        private final PageSink sink;
        volatile long total = -1;
        volatile boolean changed;
        /** {@link System#nanoTime()} when rows were last handed on (or the read began). */
        volatile long lastHandedOn = System.nanoTime();
        /** Written by the thread handing rows on, read by the wait reports' thread. */
        volatile long delivered;
        private boolean startedHandingOn;
        private Set<String> previousTail = Set.of();

        Delivery(JobControl control, PageSink sink) {
            this.control = control;
            this.sink = sink;
        }

        StreamedPage page(UserQuery query, CompletableFuture<Void> before, CompletableFuture<Void> handedOn) {
            try {
                PageRows rows = new PageRows(before);
                if (control.isCancelled()) {
                    throw MatrixApiException.local(ErrorCategory.CANCELLED, "cancelled");
                }
                StreamedPage end = control.reads().bind(() -> api.streamUsers(query, rows::add));
                rows.finish(end);
                handedOn.complete(null);
                return end;
            } catch (MatrixApiException | UncheckedIOException e) {
                handedOn.completeExceptionally(e);
                throw e;
            } catch (Exception e) {
                handedOn.completeExceptionally(e);
                throw new IllegalStateException(e);
            }
        }

        Outcome outcome(boolean cancelled) {
            return new Outcome(Math.max(total, 0), delivered, changed, cancelled);
        }

        private void handOn(List<UserSummary> chunk) {
            try {
                sink.accept(chunk, total);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            delivered += chunk.size();
            startedHandingOn = true;
            lastHandedOn = System.nanoTime();
        }

        /** One page's rows as they are read: held back until its turn (and, on the first page, until the total). */
        private final class PageRows {

            private final CompletableFuture<Void> before;
            private boolean myTurn;
            private boolean pastRepeats;
            private List<UserSummary> chunk = new ArrayList<>();
            private final Deque<String> tail = new ArrayDeque<>();

            PageRows(CompletableFuture<Void> before) {
                this.before = before;
            }

            void add(UserSummary row) {
                awaitTurn();
                if (control.isCancelled()) {
                    throw MatrixApiException.local(ErrorCategory.CANCELLED, "cancelled");
                }
                if (tail.size() == TAIL) {
                    tail.removeFirst();
                }
                tail.addLast(row.userId());
                if (!pastRepeats && previousTail.contains(row.userId())) {
                    return;
                }
                pastRepeats = true;
                chunk.add(row);
                if (total >= 0 && chunk.size() >= CHUNK) {
                    handOn(chunk);
                    chunk = new ArrayList<>();
                }
            }

            void finish(StreamedPage end) {
                awaitTurn();
                if (total < 0) {
                    total = end.total();
                } else {
                    changed |= end.total() != total;
                }
                if (!chunk.isEmpty() || !startedHandingOn) {
                    handOn(chunk);
                }
                if (end.rows() > 0) {
                    previousTail = new HashSet<>(tail);
                }
            }

            private void awaitTurn() {
                if (myTurn) {
                    return;
                }
                try {
                    before.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw MatrixApiException.local(ErrorCategory.CANCELLED, "interrupted");
                } catch (ExecutionException e) {
                    // The page before failed; its own failure is what the export reports.
                    throw MatrixApiException.local(ErrorCategory.CANCELLED, "an earlier page failed");
                }
                myTurn = true;
            }
        }
    }
}
