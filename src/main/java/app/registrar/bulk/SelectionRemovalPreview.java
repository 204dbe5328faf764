package app.registrar.bulk;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.api.RemovalPreview;
import app.registrar.store.AccountStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * What a bulk deactivation or erase takes away, added up over the selection before the admin confirms: each
 * account's {@link RemovalPreview} (rooms, devices, emails, media) read with a few requests in flight at once
 * ({@link #PARALLEL}, so a big selection neither waits for one account at a time nor floods the server), with
 * progress after each account and Cancel between them.
 */
public final class SelectionRemovalPreview {

    /** Accounts read at once. */
    static final int PARALLEL = 4;

    /**
     * The sums so far.
     *
     * @param accounts   accounts in the selection
     * @param read       accounts read so far (failed ones included)
     * @param rooms      room memberships that end (an account in 3 rooms counts 3)
     * @param failed     accounts whose preview could not be read
     */
    public record Totals(int accounts, int read, long rooms, long devices, long emails, long mediaCount,
                         long mediaBytes, int failed, boolean cancelled) {

        static Totals empty(int accounts) {
            return new Totals(accounts, 0, 0, 0, 0, 0, 0, 0, false);
        }

        Totals plus(RemovalPreview p) {
            return new Totals(accounts, read + 1, rooms + p.roomCount(), devices + p.deviceCount(),
                    emails + p.emails().size(), mediaCount + p.mediaCount(), mediaBytes + p.mediaBytes(), failed, false);
        }

        Totals failedOne() {
            return new Totals(accounts, read + 1, rooms, devices, emails, mediaCount, mediaBytes, failed + 1, false);
        }

        Totals stopped() {
            return new Totals(accounts, read, rooms, devices, emails, mediaCount, mediaBytes, failed, true);
        }

        public double fraction() {
            return accounts == 0 ? 1 : (double) read / accounts;
        }
    }

    private final AccountStore store;
    private final int parallel;

    public SelectionRemovalPreview(AccountStore store) {
        this(store, PARALLEL);
    }

    SelectionRemovalPreview(AccountStore store, int parallel) {
        this.store = store;
        this.parallel = Math.max(1, parallel);
    }

    /** Reads and adds up every account's preview; {@code progress} gets the sums after each account, on a worker. */
    public Totals read(List<String> userIds, JobControl control, Consumer<Totals> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "registrar-preview");
            thread.setDaemon(true);
            return thread;
        });
        CompletionService<RemovalPreview> done = new ExecutorCompletionService<>(pool);
        List<Future<RemovalPreview>> started = new ArrayList<>();
        Totals totals = Totals.empty(userIds.size());
        try {
            int next = 0;
            int inFlight = 0;
            while (next < userIds.size() || inFlight > 0) {
                while (inFlight < parallel && next < userIds.size() && !control.isCancelled()) {
                    String userId = userIds.get(next++);
                    // No room names: the sums need counts only, and each name costs a request.
                    started.add(done.submit(() -> control.reads().bind(() -> store.removalPreview(userId, 0))));
                    inFlight++;
                }
                if (inFlight == 0) {
                    break;
                }
                Future<RemovalPreview> finished = done.take();
                inFlight--;
                if (control.isCancelled()) {
                    return totals.stopped();
                }
                try {
                    totals = totals.plus(finished.get());
                } catch (ExecutionException e) {
                    totals = totals.failedOne();
                }
                progress.accept(totals);
            }
            return control.isCancelled() ? totals.stopped() : totals;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MatrixApiException.local(ErrorCategory.CANCELLED, "interrupted");
        } finally {
            started.forEach(future -> future.cancel(true));
            pool.shutdownNow();
        }
    }
}
