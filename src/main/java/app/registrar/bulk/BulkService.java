package app.registrar.bulk;

import app.registrar.api.ErrorCategory;
import app.registrar.api.Homeserver;
import app.registrar.api.LoginSession;
import app.registrar.api.MatrixApiException;
import app.registrar.api.ServerInfo;
import app.registrar.api.UserQuery;
import app.registrar.model.PasswordPolicy;
import app.registrar.service.BackgroundTask;
import app.registrar.service.ConnectionService;
import app.registrar.service.TaskExecutor;
import app.registrar.service.Tasks;
import app.registrar.store.AccountStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * The bulk jobs as background tasks for the view models: export, import (read, dry run, run), bulk actions and the
 * inactive-accounts search, each run off the JavaFX thread with the signed-in session. Progress callbacks given here
 * are called on the worker; wrap them in a {@link ProgressRelay} to reach the JavaFX thread.
 */
public final class BulkService {

    private final Tasks tasks;
    private final ConnectionService connection;

    public BulkService(TaskExecutor executor, ConnectionService connection) {
        this.tasks = new Tasks(executor);
        this.connection = connection;
    }

    public TaskExecutor executor() {
        return tasks.executor();
    }

    private AccountStore api() {
        return connection.accountStore();
    }

    private app.registrar.api.CleanupApi cleanup() {
        return connection.homeserver()
                .orElseThrow(() -> MatrixApiException.local(ErrorCategory.TOKEN_INVALID, "not signed in")).cleanup();
    }

    public String signedInUserId() {
        return connection.session().map(LoginSession::userId).orElse("");
    }

    public String serverName() {
        return connection.serverName();
    }

    public PasswordPolicy passwordPolicy() {
        return connection.serverInfo().map(ServerInfo::passwordPolicy).orElse(PasswordPolicy.none());
    }

    /** Whether the server keeps passwords itself (not SSO/LDAP only, not MAS): then generated passwords apply. */
    public boolean managesPasswords() {
        if (connection.mas().isPresent()) {
            return connection.mas().get().site().passwordLoginEnabled();
        }
        return connection.serverInfo().map(ServerInfo::managesPasswords).orElse(true);
    }

    /** The server address journals are keyed by. */
    String serverKey() {
        return connection.homeserver().map(h -> h.baseUrl().toString()).orElse("");
    }

    public BackgroundTask<ExportReport> export(UserQuery filter, Path target, JobControl control,
                                               Consumer<ExportProgress> progress) {
        return tasks.of(() -> new CsvExporter(api()).export(filter, target, control, progress));
    }

    public BackgroundTask<ImportPreview> readImport(Path csv) {
        String serverName = serverName();
        PasswordPolicy policy = passwordPolicy();
        return tasks.of(() -> ImportFile.read(csv, serverName, policy));
    }

    /** How many rows of this file an earlier, interrupted import into this server finished (0 when none). */
    public BackgroundTask<Long> rowsDoneEarlier(ImportPreview preview, Path journalDirectory) {
        String server = serverKey();
        return tasks.of(() -> {
            try (ImportJournal journal = ImportJournal.open(journalDirectory, preview.file(), server)) {
                return journal.doneCount();
            }
        });
    }

    public BackgroundTask<ImportReport> dryRun(ImportPreview preview, ImportOptions options, Path journalDirectory,
                                               JobControl control, Consumer<ImportProgress> progress) {
        String server = serverKey();
        return tasks.of(() -> {
            try (ImportJournal journal = ImportJournal.open(journalDirectory, preview.file(), server)) {
                return new CsvImporter(api()).dryRun(preview, options, journal, control, progress);
            }
        });
    }

    /** Runs (or resumes) an import; {@code passwordsFile} may be null when no row needs a generated password. */
    public BackgroundTask<ImportReport> runImport(ImportPreview preview, ImportOptions options, Path journalDirectory,
                                                  Path passwordsFile, JobControl control,
                                                  Consumer<ImportProgress> progress) {
        String server = serverKey();
        return tasks.of(() -> {
            try (ImportJournal journal = ImportJournal.open(journalDirectory, preview.file(), server);
                 PasswordFile passwords = passwordsFile == null ? null : passwordsFor(journal, passwordsFile)) {
                return new CsvImporter(api()).run(preview, options, journal, passwords, control, progress);
            }
        });
    }

    /**
     * The passwords file of this run: the interrupted import's own file is gone on with, so accounts it created keep
     * their passwords; any other file the admin chose is replaced.
     */
    static PasswordFile passwordsFor(ImportJournal journal, Path chosen) throws IOException {
        Path absolute = chosen.toAbsolutePath().normalize();
        boolean resuming = !journal.isEmpty() && journal.passwordsFile().filter(absolute::equals).isPresent();
        PasswordFile passwords = resuming ? PasswordFile.resume(chosen) : PasswordFile.create(chosen);
        journal.recordPasswordsFile(absolute);
        return passwords;
    }

    /** Runs an action on each account, one at a time; {@code passwordsFile} only matters for reactivation. */
    public BackgroundTask<BulkReport> runAction(List<String> userIds, BulkAction action, Path passwordsFile,
                                                JobControl control, Consumer<BulkProgress> progress) {
        return runAction(userIds, action, passwordsFile, LeftBehind.NOTHING, control, progress);
    }

    /**
     * As above; a deactivation first removes what {@code leftBehind} names from each account (its messages, its
     * uploads), each request audited under the row's label.
     */
    public BackgroundTask<BulkReport> runAction(List<String> userIds, BulkAction action, Path passwordsFile,
                                                LeftBehind leftBehind, JobControl control, Consumer<BulkProgress> progress) {
        String self = signedInUserId();
        return tasks.of(() -> {
            try (PasswordFile passwords = passwordsFile == null ? null : PasswordFile.create(passwordsFile)) {
                BulkActionRunner runner = new BulkActionRunner(api(), self);
                if (action.isDestructive() && leftBehind.any()) {
                    runner.removingFirst(cleanup(), leftBehind);
                }
                return runner.run(userIds, action, passwords, control, progress);
            }
        });
    }

    /** The messages the selected accounts sent, added up one account at a time (the redact tick's preview). */
    public BackgroundTask<SelectionMessages.Totals> countMessages(List<String> userIds, JobControl control,
                                                                  Consumer<SelectionMessages.Totals> progress) {
        return tasks.of(() -> new SelectionMessages(cleanup())
                .count(userIds, control, progress));
    }

    /**
     * The Insights scan of every account of the server ({@link AccountInsights#scan}), months counted in
     * {@code zone}.
     */
    public BackgroundTask<Insights> insights(ZoneId zone, JobControl control,
                                             Consumer<ExportProgress> progress) {
        return tasks.of(() -> new AccountInsights(api(), zone).scan(control, progress));
    }

    /**
     * What deactivating {@code userIds} takes away, added up ({@link SelectionRemovalPreview}): a few accounts read
     * at once, progress after each (on the worker), Cancel between them.
     */
    public BackgroundTask<SelectionRemovalPreview.Totals> previewRemoval(List<String> userIds, JobControl control,
                                                                       Consumer<SelectionRemovalPreview.Totals> progress) {
        return tasks.of(() -> new SelectionRemovalPreview(api()).read(userIds, control, progress));
    }

    /** Writes a picture (a chart) as a PNG file, replacing the file. */
    public BackgroundTask<Path> writePng(Path target, PngFile.Picture picture) {
        return tasks.of(() -> PngFile.write(target, picture));
    }

    public BackgroundTask<InactiveAccounts.Result> findInactive(UserQuery filter, int days, JobControl control,
                                                                Consumer<ExportProgress> progress) {
        return tasks.of(() -> new InactiveAccounts(api()).find(filter, days, control, progress));
    }
}
