package app.registrar.ui.bulk;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.bulk.BulkService;
import app.registrar.bulk.ImportJournal;
import app.registrar.bulk.ImportOptions;
import app.registrar.bulk.ImportPreview;
import app.registrar.bulk.ImportProgress;
import app.registrar.bulk.ImportReport;
import app.registrar.bulk.ImportRow;
import app.registrar.bulk.JobControl;
import app.registrar.bulk.ProgressRelay;
import app.registrar.bulk.RowOutcome;
import app.registrar.bulk.RowProblem;
import app.registrar.ui.common.Confirmation;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.JobViewModel;
import app.registrar.ui.common.TypedInput;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Importing accounts from a CSV file: {@link #load} reads and checks every row for the preview (nothing is sent),
 * {@link #dryRun} asks the server what would happen without changing anything, {@link #run} creates the accounts
 * with progress, pause and cancel. An interrupted import of the same file resumes where it stopped (the journal);
 * generated passwords go to the file the admin chose ({@link #passwordsFileProperty}), nowhere else.
 */
public final class ImportViewModel extends JobViewModel<ImportReport> {

    private final BulkService service;
    private final DialogService dialogs;
    private final Path journalDirectory;

    private final ObjectProperty<ImportOptions.Existing> existing = new SimpleObjectProperty<>(ImportOptions.Existing.SKIP);
    private final BooleanProperty generatePasswords = new SimpleBooleanProperty(true);
    private final ObjectProperty<Path> passwordsFile = new SimpleObjectProperty<>();

    private final ReadOnlyObjectWrapper<ImportPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ImportRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper validCount = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper invalidCount = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper doneEarlier = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper previewSummary = new ReadOnlyStringWrapper("");
    private final BooleanBinding needsPasswordsFile;
    private final BooleanBinding canRun;
    private final TypedInput typedInput = new TypedInput();

    /** @param journalDirectory where import journals are kept, e.g. {@link ImportJournal#defaultDirectory()} */
    public ImportViewModel(BulkService service, DialogService dialogs, Path journalDirectory) {
        this.service = service;
        this.dialogs = dialogs;
        this.journalDirectory = Objects.requireNonNull(journalDirectory);
        generatePasswords.set(service.managesPasswords());
        needsPasswordsFile = Bindings.createBooleanBinding(() -> generatePasswords.get() && preview.get() != null
                && preview.get().generatedPasswordCount() > 0, generatePasswords, preview);
        canRun = Bindings.createBooleanBinding(() -> preview.get() != null && validCount.get() > 0 && !job.running.get()
                        && (!needsPasswordsFile.get() || passwordsFile.get() != null),
                preview, validCount, job.running, needsPasswordsFile, passwordsFile);
        // The choices made for this file; once it was imported, closing loses nothing.
        typedInput.watch(existing).watch(generatePasswords).watch(passwordsFile).doneWhen(report.isNotNull());
    }

    /** The options the admin chose that closing the dialog before importing would throw away. */
    public TypedInput getTypedInput() {
        return typedInput;
    }

    /** Reads and checks the file; the rows appear in {@link #getRows()}, nothing is sent. */
    public void load(Path csv) {
        if (job.running.get()) {
            return;
        }
        job.running.set(true);
        error.set(null);
        report.set(null);
        job.status.set(tr("import.reading"));
        service.readImport(csv)
                .onSuccess(read -> {
                    preview.set(read);
                    rows.setAll(read.rows());
                    validCount.set(read.validCount());
                    invalidCount.set(read.invalidCount());
                    previewSummary.set(tr("import.preview.summary", read.rows().size(), read.validCount(),
                            read.invalidCount(), read.generatedPasswordCount())
                            + (read.ignoredColumns().isEmpty() ? ""
                            : " " + tr("import.preview.ignored", String.join(", ", read.ignoredColumns()))));
                    job.status.set("");
                    checkJournal(read);
                })
                .onFailure(e -> {
                    preview.set(null);
                    rows.clear();
                    error.set(BulkErrors.describe(e));
                    job.status.set("");
                })
                .andFinally(() -> job.running.set(false))
                .start();
    }

    private void checkJournal(ImportPreview read) {
        service.rowsDoneEarlier(read, journalDirectory)
                .onSuccess(done -> {
                    doneEarlier.set(done);
                    if (done > 0) {
                        job.status.set(tr("import.resume.note", done));
                    }
                })
                .start();
    }

    /** Asks the server, row by row, what a run would do; changes nothing. */
    public void dryRun() {
        start(true);
    }

    /** Creates the accounts after the admin confirms; resumes an interrupted run of the same file. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        long toSend = validCount.get() - doneEarlier.get();
        boolean update = existing.get() == ImportOptions.Existing.UPDATE;
        Confirmation question = new Confirmation(tr("import.confirm.title"),
                tr(update ? "import.confirm.header.update" : "import.confirm.header", toSend),
                tr(update ? "import.confirm.text.update" : "import.confirm.text"),
                tr("import.confirm.action", toSend), tr("import.confirm.cancel"), update);
        if (!dialogs.confirm(question)) {
            return;
        }
        start(false);
    }

    private void start(boolean dry) {
        ImportPreview current = preview.get();
        if (current == null || job.running.get()) {
            return;
        }
        error.set(null);
        report.set(null);
        JobControl control = job.begin(tr(dry ? "import.dry.starting" : "import.starting"));
        ImportOptions options = new ImportOptions(existing.get(), generatePasswords.get(), ImportOptions.defaults().parallel());
        ProgressRelay<ImportProgress> relay = new ProgressRelay<>(service.executor(), p -> {
            if (job.running.get()) {
                job.progress.set(p.fraction());
                job.status.set(tr(dry ? "import.dry.progress" : "import.progress", p.finished(), p.total()));
            }
        });
        (dry ? service.dryRun(current, options, journalDirectory, control, relay)
                : service.runImport(current, options, journalDirectory, passwordsFile.get(), control, relay))
                .onSuccess(done -> {
                    report.set(done);
                    job.progress.set(1);
                    job.status.set(summary(done));
                    if (!dry) {
                        doneEarlier.set(done.count(RowOutcome.CREATED) + done.count(RowOutcome.UPDATED)
                                + done.count(RowOutcome.SKIPPED_EXISTING) + done.count(RowOutcome.DONE_EARLIER));
                    }
                })
                .onFailure(e -> {
                    error.set(BulkErrors.describe(e));
                    job.status.set(tr("import.stopped"));
                })
                .andFinally(() -> {
                    job.end();
                })
                .start();
    }

    static String summary(ImportReport done) {
        String key = done.dryRun() ? "import.report.dry" : done.cancelled() ? "import.report.cancelled" : "import.report";
        StringBuilder text = new StringBuilder(tr(key, done.count(RowOutcome.CREATED), done.count(RowOutcome.UPDATED),
                done.count(RowOutcome.SKIPPED_EXISTING), done.count(RowOutcome.FAILED), done.count(RowOutcome.INVALID),
                done.count(RowOutcome.DONE_EARLIER), done.count(RowOutcome.NOT_RUN)));
        // Never folded into "already existed" or "failed": the admin has to look at these accounts.
        if (done.count(RowOutcome.EXISTS_ORIGIN_UNKNOWN) > 0) {
            text.append(' ').append(tr("import.report.origin.unknown", done.count(RowOutcome.EXISTS_ORIGIN_UNKNOWN)));
        }
        if (done.count(RowOutcome.UNCONFIRMED) > 0) {
            text.append(' ').append(tr("import.report.unconfirmed", done.count(RowOutcome.UNCONFIRMED)));
        }
        if (done.journalDamaged()) {
            text.append(' ').append(tr("import.report.journal.damaged"));
        }
        return text.toString();
    }

    public void pause() {
        job.pause(tr("import.paused"));
    }

    public void resume() {
        job.resume();
    }

    /** Stops after the rows being sent; what was done stays done, and a later run goes on from there. */
    public void cancel() {
        if (job.cancel()) {
            job.status.set(tr("import.cancelling"));
        }
    }

    public ObjectProperty<ImportOptions.Existing> existingProperty() {
        return existing;
    }

    public BooleanProperty generatePasswordsProperty() {
        return generatePasswords;
    }

    /** The file the admin chose for generated passwords (the view sets it from a save dialog). */
    /** Asks where generated passwords go: the only file they are ever written to. */
    public void choosePasswordsFile() {
        dialogs.chooseCsvToWrite(tr("bulk.passwords.choose"), "passwords.csv").ifPresent(passwordsFile::set);
    }

    public ObjectProperty<Path> passwordsFileProperty() {
        return passwordsFile;
    }

    public ReadOnlyObjectProperty<ImportPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObservableList<ImportRow> getRows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyLongProperty validCountProperty() {
        return validCount.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty invalidCountProperty() {
        return invalidCount.getReadOnlyProperty();
    }

    /** Rows an earlier, interrupted run of this file already finished. */
    public ReadOnlyLongProperty doneEarlierProperty() {
        return doneEarlier.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewSummaryProperty() {
        return previewSummary.getReadOnlyProperty();
    }

    public BooleanBinding needsPasswordsFileProperty() {
        return needsPasswordsFile;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** A row's problems in the admin's words, for the preview table. */
    public static String problemsText(ImportRow row) {
        return String.join("; ", row.problems().stream().map(ImportViewModel::problemText).toList());
    }

    static String problemText(RowProblem problem) {
        return tr("import.problem." + problem.name().toLowerCase(Locale.ROOT));
    }
}
