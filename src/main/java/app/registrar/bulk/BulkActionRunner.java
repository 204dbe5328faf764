package app.registrar.bulk;

import app.registrar.api.AdminApi;
import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.api.UserDetails;
import app.registrar.api.WriteIntent;
import app.registrar.model.PasswordGenerator;
import app.registrar.store.AccountStore;
import app.registrar.store.SynapseAccountStore;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Runs one action on many accounts strictly one at a time: Synapse misbehaves when erase-deactivations run in
 * parallel, and one at a time keeps the server responsive for everyone else. Each account is read first, so an
 * account already in the wanted state is reported instead of changed; the signed-in admin's own account is always
 * left out. A deactivation whose answer is lost is never sent again: the account is read back to learn the outcome.
 */
public final class BulkActionRunner {

    private final AccountStore api;
    private final String signedInUserId;
    private final PasswordGenerator generator;
    private app.registrar.api.CleanupApi cleanup;
    private LeftBehind leftBehind = LeftBehind.NOTHING;
    /** How often Synapse's redact status is read while a row's messages are removed. */
    private static final long REDACT_PAUSE_MILLIS = 500;

    public BulkActionRunner(AdminApi api, String signedInUserId) {
        this(new SynapseAccountStore(api), signedInUserId);
    }

    public BulkActionRunner(AccountStore api, String signedInUserId) {
        this(api, signedInUserId, new PasswordGenerator());
    }

    BulkActionRunner(AccountStore api, String signedInUserId, PasswordGenerator generator) {
        this.api = api;
        this.signedInUserId = Objects.requireNonNull(signedInUserId);
        this.generator = generator;
    }

    /** A deactivation first removes what {@code what} names from each account, through {@code cleanup}. */
    public BulkActionRunner removingFirst(app.registrar.api.CleanupApi cleanup, LeftBehind what) {
        this.cleanup = cleanup;
        this.leftBehind = what;
        return this;
    }

    /**
     * Runs {@code action} on each account (duplicates once). For {@link BulkAction#REACTIVATE}, {@code passwords}
     * receives each account's new generated password before it is set; null reactivates without a password, for
     * servers where people sign in through single sign-on.
     */
    public BulkReport run(List<String> userIds, BulkAction action, PasswordFile passwords, JobControl control,
                          Consumer<BulkProgress> progress) throws IOException {
        long started = System.nanoTime();
        List<String> accounts = new ArrayList<>(new LinkedHashSet<>(userIds));
        List<BulkResult> results = new ArrayList<>(accounts.size());
        boolean cancelled = false;
        // Each audit entry of this run names it, and which row it was.
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (String userId : accounts) {
            if (!cancelled && !control.awaitTurn()) {
                cancelled = true;
            }
            String label = "bulk run " + run + ", " + (results.size() + 1) + " of " + accounts.size();
            BulkResult result = cancelled ? new BulkResult(userId, BulkResult.Outcome.NOT_RUN, null, null)
                    : WriteIntent.inRun(label, () -> runOne(userId, action, passwords));
            results.add(result);
            if (!cancelled) {
                progress.accept(new BulkProgress(results.size(), accounts.size(), result));
            }
        }
        return new BulkReport(action, results, cancelled, Duration.ofNanos(System.nanoTime() - started));
    }

    private BulkResult runOne(String userId, BulkAction action, PasswordFile passwords) throws IOException {
        if (userId.equals(signedInUserId) && action != BulkAction.REACTIVATE) {
            return new BulkResult(userId, BulkResult.Outcome.SKIPPED_OWN_ACCOUNT, null, null);
        }
        UserDetails user;
        try {
            user = api.getUser(userId);
        } catch (MatrixApiException e) {
            return failed(userId, e);
        }
        if (alreadyDone(user, action)) {
            return new BulkResult(userId, BulkResult.Outcome.ALREADY, null, null);
        }
        try {
            switch (action) {
                case DEACTIVATE, DEACTIVATE_AND_ERASE -> {
                    return removeLeftBehindThenDeactivate(userId, action == BulkAction.DEACTIVATE_AND_ERASE);
                }
                case REACTIVATE -> {
                    String password = null;
                    if (passwords != null) {
                        do {
                            password = generator.generate();
                        } while (CsvCells.startsLikeAFormula(password));
                        passwords.record(userId, password);
                    }
                    api.reactivate(userId, password);
                }
                case LOCK -> api.setLocked(userId, true);
                case UNLOCK -> api.setLocked(userId, false);
                default -> throw new IllegalArgumentException(action.name());
            }
            return new BulkResult(userId, BulkResult.Outcome.DONE, null, null);
        } catch (MatrixApiException e) {
            if (e.category() != ErrorCategory.TIMEOUT && e.category() != ErrorCategory.NETWORK) {
                return failed(userId, e);
            }
            return readBack(userId, action, e);
        }
    }

    /** A lost answer: the account read back says whether the change was made; if that fails too, it is unknown. */
    private BulkResult readBack(String userId, BulkAction action, MatrixApiException lost) {
        UserDetails after;
        try {
            after = api.getUser(userId);
        } catch (MatrixApiException again) {
            return new BulkResult(userId, BulkResult.Outcome.UNKNOWN, lost.category(), lost.serverError().orElse(null));
        }
        return alreadyDone(after, action) ? new BulkResult(userId, BulkResult.Outcome.DONE, null, null)
                : failed(userId, lost);
    }

    /**
     * Removes the row's messages, then its uploads, then deactivates it: the redactions are sent as the account, which
     * must still be in its rooms. A failed removal stops the row, so an account is never deactivated with its spam
     * still there; messages Synapse could not redact are named in the row's detail.
     */
    private BulkResult removeLeftBehindThenDeactivate(String userId, boolean erase) {
        String note = null;
        if (cleanup != null && leftBehind.redactMessages()) {
            app.registrar.api.CleanupApi.RedactStatus status;
            try {
                status = cleanup.redactEverything(userId, REDACT_PAUSE_MILLIS, s -> { });
            } catch (MatrixApiException e) {
                return failed(userId, e);
            }
            if (status.state() == app.registrar.api.CleanupApi.RedactState.FAILED) {
                return new BulkResult(userId, BulkResult.Outcome.FAILED, ErrorCategory.UNEXPECTED_RESPONSE,
                        "the server's redaction failed: " + status.error());
            }
            if (!status.failedRedactions().isEmpty()) {
                note = status.failedRedactions().size() + " messages could not be redacted";
            }
        }
        if (cleanup != null && leftBehind.deleteMedia()) {
            try {
                cleanup.deleteMedia(userId);
            } catch (MatrixApiException e) {
                return failed(userId, e);
            }
        }
        BulkResult result = deactivate(userId, erase);
        return note == null ? result : new BulkResult(userId, result.outcome(), result.error(),
                result.detail() == null ? note : result.detail() + "; " + note);
    }

    private BulkResult deactivate(String userId, boolean erase) {
        try {
            api.deactivate(userId, erase);
            return new BulkResult(userId, BulkResult.Outcome.DONE, null, null);
        } catch (MatrixApiException e) {
            if (e.category() != ErrorCategory.TIMEOUT && e.category() != ErrorCategory.NETWORK) {
                return failed(userId, e);
            }
            try {
                UserDetails after = api.getUser(userId);
                if (after.deactivated() && (!erase || after.erased())) {
                    return new BulkResult(userId, BulkResult.Outcome.DONE, null, null);
                }
            } catch (MatrixApiException ignored) {
                // still unknown
            }
            return new BulkResult(userId, BulkResult.Outcome.UNKNOWN, e.category(), e.serverError().orElse(null));
        }
    }

    private static boolean alreadyDone(UserDetails user, BulkAction action) {
        return switch (action) {
            case DEACTIVATE -> user.deactivated();
            case DEACTIVATE_AND_ERASE -> user.deactivated() && user.erased();
            case REACTIVATE -> !user.deactivated();
            case LOCK -> user.locked();
            case UNLOCK -> !user.locked();
        };
    }

    private static BulkResult failed(String userId, MatrixApiException e) {
        return new BulkResult(userId, BulkResult.Outcome.FAILED, e.category(), e.serverError().orElse(e.getMessage()));
    }
}
