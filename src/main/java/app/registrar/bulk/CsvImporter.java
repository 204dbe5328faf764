package app.registrar.bulk;

import app.registrar.api.AdminApi;
import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.api.Threepid;
import app.registrar.api.UserDetails;
import app.registrar.api.UserUpdate;
import app.registrar.api.WriteIntent;
import app.registrar.model.PasswordGenerator;
import app.registrar.model.UserId;
import app.registrar.store.AccountStore;
import app.registrar.store.SynapseAccountStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Creates the accounts of a checked import file ({@link ImportFile}). A dry run only reads (is the name free, is it
 * taken, would the server refuse it); a run creates, records every step in the {@link ImportJournal} before going
 * on, and resumes from it. An existing account is never changed unless {@link ImportOptions.Existing#UPDATE} was
 * chosen. Rows run a few at a time ({@link ImportOptions#parallel()}); pause and cancel take effect between rows, so
 * a request that was sent always gets its answer recorded.
 */
public final class CsvImporter {

    private final AccountStore api;
    private final PasswordGenerator generator;

    public CsvImporter(AdminApi api) {
        this(new SynapseAccountStore(api));
    }

    public CsvImporter(AccountStore api) {
        this(api, new PasswordGenerator());
    }

    CsvImporter(AccountStore api, PasswordGenerator generator) {
        this.api = api;
        this.generator = generator;
    }

    /** What a run would do, reading only; rows the journal records as done are reported as such. */
    public ImportReport dryRun(ImportPreview preview, ImportOptions options, ImportJournal journalOrNull,
                               JobControl control, Consumer<ImportProgress> progress) throws IOException {
        return go(preview, options, control, progress, true, journalOrNull, null,
                row -> check(row, options, journalOrNull));
    }

    /**
     * Creates (or, if chosen, updates) the accounts. {@code passwords} receives every generated password and may be
     * null only when no row needs one.
     */
    public ImportReport run(ImportPreview preview, ImportOptions options, ImportJournal journal, PasswordFile passwords,
                            JobControl control, Consumer<ImportProgress> progress) throws IOException {
        boolean needsPasswords = options.generatePasswords()
                && preview.rows().stream().anyMatch(r -> r.isValid() && !r.hasPassword());
        if (needsPasswords && passwords == null) {
            throw new IllegalArgumentException("generated passwords need a passwords file chosen by the admin");
        }
        // Each audit entry of this run names it and the file's row, so one import's changes are found together.
        String run = UUID.randomUUID().toString().substring(0, 8);
        int total = preview.rows().size();
        return go(preview, options, control, progress, false, journal, passwords,
                row -> WriteIntent.inRun("import run " + run + ", row " + row.row() + " of " + total,
                        () -> apply(row, options, journal, passwords)));
    }

    @FunctionalInterface
    private interface RowWork {
        RowResult process(ImportRow row) throws IOException;
    }

    private ImportReport go(ImportPreview preview, ImportOptions options, JobControl control,
                            Consumer<ImportProgress> progress, boolean dryRun, ImportJournal journal,
                            PasswordFile passwords, RowWork work) throws IOException {
        long started = System.nanoTime();
        List<ImportRow> rows = preview.rows();
        Map<RowOutcome, Long> counts = new EnumMap<>(RowOutcome.class);
        List<RowResult> attention = new ArrayList<>();
        long[] notListed = {0};
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        Runnable worker = () -> {
            while (fatal.get() == null && control.awaitTurn()) {
                int index = next.getAndIncrement();
                if (index >= rows.size()) {
                    return;
                }
                try {
                    RowResult result = work.process(rows.get(index));
                    synchronized (counts) {
                        counts.merge(result.outcome(), 1L, Long::sum);
                        if (result.outcome().needsAttention()) {
                            if (attention.size() < ImportReport.MAX_LISTED) {
                                attention.add(result);
                            } else {
                                notListed[0]++;
                            }
                        }
                    }
                    progress.accept(new ImportProgress(finished.incrementAndGet(), rows.size(), result));
                } catch (Throwable e) {
                    fatal.compareAndSet(null, e);
                    return;
                }
            }
        };
        int threads = Math.min(options.parallel(), Math.max(1, rows.size()));
        if (threads == 1) {
            worker.run();
        } else {
            AtomicInteger names = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "registrar-import-" + names.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    futures.add(pool.submit(worker));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                control.cancel();
            } catch (ExecutionException e) {
                fatal.compareAndSet(null, e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        Throwable failure = fatal.get();
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        long done;
        synchronized (counts) {
            done = counts.values().stream().mapToLong(Long::longValue).sum();
            counts.merge(RowOutcome.NOT_RUN, rows.size() - done, Long::sum);
        }
        return new ImportReport(dryRun, control.isCancelled() && done < rows.size(), counts, attention, notListed[0],
                passwords == null ? null : passwords.file(), journal == null ? null : journal.file(),
                Duration.ofNanos(System.nanoTime() - started), journal != null && journal.isDamaged());
    }

    // ---- dry run -------------------------------------------------------------------------------------------

    private RowResult check(ImportRow row, ImportOptions options, ImportJournal journal) {
        if (!row.isValid()) {
            return invalid(row);
        }
        if (journal != null && journal.state(row.row()) != null && journal.state(row.row()).isDone()) {
            return result(row, RowOutcome.DONE_EARLIER, null, null);
        }
        try {
            String localpart = UserId.parse(row.userId()).map(UserId::localpart).orElse(row.userId());
            if (api.isUsernameAvailable(localpart)) {
                return result(row, RowOutcome.CREATED, null, null);
            }
            boolean provenUntouched = journal == null
                    || (journal.state(row.row()) == null && !journal.isDamaged());
            if (!provenUntouched && options.existing() != ImportOptions.Existing.UPDATE) {
                return result(row, RowOutcome.EXISTS_ORIGIN_UNKNOWN, null, "exists, could not tell whether this import created it");
            }
            return result(row, options.existing() == ImportOptions.Existing.UPDATE
                    ? RowOutcome.UPDATED : RowOutcome.SKIPPED_EXISTING, null, null);
        } catch (MatrixApiException e) {
            return failed(row, e);
        }
    }

    // ---- run -----------------------------------------------------------------------------------------------

    private RowResult apply(ImportRow row, ImportOptions options, ImportJournal journal, PasswordFile passwords)
            throws IOException {
        if (!row.isValid()) {
            return invalid(row);
        }
        ImportJournal.State before = journal.state(row.row());
        if (before != null && before.isDone()) {
            return result(row, RowOutcome.DONE_EARLIER, null, null);
        }
        boolean update = options.existing() == ImportOptions.Existing.UPDATE;
        try {
            Optional<UserDetails> existing = api.findUser(row.userId());
            if (existing.isPresent() && journal.sentCreate(row.row())) {
                // The interrupted run looked the name up, found it free, and sent the create: the account is its own.
                journal.record(row.row(), ImportJournal.State.CREATED, row.userId(), "found after interruption");
                return result(row, RowOutcome.CREATED, null, "found after interruption");
            }
            boolean provenUntouched = before == null && !journal.isDamaged();
            if (existing.isPresent() && !update) {
                if (!provenUntouched) {
                    // An earlier run may have created it (a torn journal, an unconfirmed or failed step): say so.
                    journal.record(row.row(), ImportJournal.State.SKIPPED, row.userId(), "exists, origin unknown");
                    return result(row, RowOutcome.EXISTS_ORIGIN_UNKNOWN, null, "exists, could not tell whether this import created it");
                }
                journal.record(row.row(), ImportJournal.State.SKIPPED, row.userId(), "exists");
                return result(row, RowOutcome.SKIPPED_EXISTING, null, null);
            }
            if (existing.isPresent()) {
                journal.record(row.row(), ImportJournal.State.SENDING, row.userId(), "update");
                applyUpdate(row);
                journal.record(row.row(), ImportJournal.State.UPDATED, row.userId(), null);
                return result(row, RowOutcome.UPDATED, null, null);
            }
            String password = passwordFor(row, options, passwords);
            journal.record(row.row(), ImportJournal.State.SENDING, row.userId(), "create");
            try {
                api.createUser(row.userId(), creation(row, password));
            } catch (MatrixApiException e) {
                if (e.category() != ErrorCategory.TIMEOUT && e.category() != ErrorCategory.NETWORK) {
                    throw e;
                }
                return confirmCreate(row, journal, e);
            }
            journal.record(row.row(), ImportJournal.State.CREATED, row.userId(), null);
            return result(row, RowOutcome.CREATED, null, null);
        } catch (MatrixApiException e) {
            journal.record(row.row(), ImportJournal.State.FAILED, row.userId(), e.category().name());
            return failed(row, e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The create's answer was lost: read the account back. When that fails too, the row stays "sending" in the
     * journal (a later run looks it up before sending anything) and is reported as not confirmed, never as failed.
     */
    private RowResult confirmCreate(ImportRow row, ImportJournal journal, MatrixApiException lost) throws IOException {
        Optional<UserDetails> found;
        try {
            found = api.findUser(row.userId());
        } catch (MatrixApiException readBack) {
            return result(row, RowOutcome.UNCONFIRMED, lost.category(), "could not be confirmed: the answer and the read-back were lost");
        }
        if (found.isPresent()) {
            journal.record(row.row(), ImportJournal.State.CREATED, row.userId(), "confirmed after " + lost.category());
            return result(row, RowOutcome.CREATED, null, null);
        }
        journal.record(row.row(), ImportJournal.State.FAILED, row.userId(), lost.category().name());
        return failed(row, lost);
    }

    private String passwordFor(ImportRow row, ImportOptions options, PasswordFile passwords) throws IOException {
        if (row.hasPassword()) {
            return row.password();
        }
        if (!options.generatePasswords()) {
            return null;
        }
        String earlier = passwords.earlier(row.userId());
        if (earlier != null) {
            return earlier;
        }
        String password;
        do {
            password = generator.generate();
        } while (CsvCells.startsLikeAFormula(password));
        // On disk before the account exists: a crash can leave a password without an account, never the reverse.
        passwords.record(row.userId(), password);
        return password;
    }

    private static UserUpdate creation(ImportRow row, String password) {
        UserUpdate fields = new UserUpdate().admin(Boolean.TRUE.equals(row.admin()));
        if (row.displayName() != null) {
            fields.displayName(row.displayName());
        }
        if (password != null) {
            fields.password(password);
        }
        if (row.userType() != null) {
            fields.userType(row.userType());
        }
        if (!row.emails().isEmpty()) {
            fields.threepids(row.emails().stream().map(Threepid::email).toList());
        }
        return fields;
    }

    private void applyUpdate(ImportRow row) {
        UserUpdate fields = new UserUpdate();
        if (row.displayName() != null) {
            fields.displayName(row.displayName());
        }
        if (row.admin() != null) {
            fields.admin(row.admin());
        }
        if (row.userType() != null) {
            fields.userType(row.userType());
        }
        if (row.password() != null) {
            fields.password(row.password());
        }
        api.modifyUser(row.userId(), fields);
        for (String email : row.emails()) {
            api.addEmail(row.userId(), email);
        }
    }

    private static RowResult invalid(ImportRow row) {
        return result(row, RowOutcome.INVALID, null,
                row.problems().stream().map(RowProblem::name).collect(Collectors.joining("; ")));
    }

    private static RowResult failed(ImportRow row, MatrixApiException e) {
        return result(row, RowOutcome.FAILED, e.category(), e.serverError().orElse(e.getMessage()));
    }

    private static RowResult result(ImportRow row, RowOutcome outcome, ErrorCategory error, String detail) {
        return new RowResult(row.row(), row.line(), row.userId(), outcome, error, detail);
    }
}
