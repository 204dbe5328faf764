package app.registrar.bulk;

import app.registrar.api.AdminApi;
import app.registrar.store.AccountStore;
import app.registrar.store.SynapseAccountStore;
import app.registrar.api.ErrorCategory;
import app.registrar.api.FileFault;
import app.registrar.api.MatrixApiException;
import app.registrar.api.UserQuery;
import app.registrar.api.UserSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes every account a list query matches to a CSV file: no cap on the number of rows, streamed page by page
 * (memory stays the same for ten accounts or a million), with progress (rows written, or how long the server has been
 * preparing its reply) and cancel. Every cell is quoted and cells
 * that a spreadsheet would run as a formula are neutralised ({@link CsvCells}). The file is written beside the
 * target under a {@code .part} name and moved into place only when complete, so a cancelled or failed export never
 * leaves a half file that looks whole.
 */
public final class CsvExporter {

    /** The columns, in order; {@link CsvImporter} reads {@code user_id}, {@code displayname}, {@code admin} and {@code user_type} back. */
    public static final List<String> COLUMNS = List.of("user_id", "displayname", "admin", "deactivated", "erased",
            "locked", "shadow_banned", "guest", "user_type", "created", "last_seen", "avatar_url");

    private final AccountStream stream;

    public CsvExporter(AdminApi api) {
        this(new AccountStream(api));
    }

    public CsvExporter(AccountStore store) {
        this(new AccountStream(store));
    }

    CsvExporter(AccountStream stream) {
        this.stream = stream;
    }

    /**
     * Exports to {@code target}, replacing it when complete. A cancelled export deletes what it wrote and reports
     * {@link ExportReport#cancelled()}; a failed one deletes it and throws.
     */
    public ExportReport export(UserQuery filter, Path target, JobControl control, Consumer<ExportProgress> progress)
            throws IOException {
        long started = System.nanoTime();
        Path part = target.resolveSibling(target.getFileName() + ".part");
        ExportReport report = null;
        try {
            report = write(filter, target, part, control, progress);
            if (!report.cancelled()) {
                move(part, target);
            }
        } catch (IOException e) {
            // Named after the file the admin chose, not the ".part" file beside it.
            throw FileFault.about(target, e);
        } finally {
            if (report == null || report.cancelled()) {
                Files.deleteIfExists(part);
            }
        }
        return new ExportReport(report.file(), report.rows(), report.totalAtStart(), report.listChangedMeanwhile(),
                report.cancelled(), Duration.ofNanos(System.nanoTime() - started));
    }

    private ExportReport write(UserQuery filter, Path target, Path part, JobControl control,
                               Consumer<ExportProgress> progress) throws IOException {
        long[] written = {0};
        AccountStream.Outcome outcome;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(part), StandardCharsets.UTF_8), 1 << 16)) {
            // A byte-order mark makes Excel read the file as UTF-8 instead of the system's code page.
            out.write('\uFEFF');
            CsvCells.writeRow(out, COLUMNS.toArray(String[]::new));
            try {
                outcome = stream.read(filter, control, (page, total) -> {
                    String[] cells = new String[COLUMNS.size()];
                    for (UserSummary user : page) {
                        CsvCells.writeRow(out, cells(user, cells));
                    }
                    written[0] += page.size();
                    progress.accept(new ExportProgress(written[0], total));
                }, progress);
            } catch (MatrixApiException e) {
                if (e.category() != ErrorCategory.CANCELLED || !control.isCancelled()) {
                    throw e;
                }
                outcome = new AccountStream.Outcome(0, written[0], false, true);
            }
        }
        return new ExportReport(target, written[0], outcome.totalAtStart(), outcome.changedMeanwhile(),
                outcome.cancelled() || control.isCancelled(), Duration.ZERO);
    }

    private static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String[] cells(UserSummary user, String[] cells) {
        cells[0] = CsvCells.neutralise(user.userId());
        cells[1] = CsvCells.neutralise(user.displayName());
        cells[2] = Boolean.toString(user.admin());
        cells[3] = Boolean.toString(user.deactivated());
        cells[4] = Boolean.toString(user.erased());
        cells[5] = Boolean.toString(user.locked());
        cells[6] = Boolean.toString(user.shadowBanned());
        cells[7] = Boolean.toString(user.guest());
        cells[8] = CsvCells.neutralise(user.userType());
        cells[9] = CsvCells.time(user.createdAt());
        cells[10] = CsvCells.time(user.lastSeenAt());
        cells[11] = CsvCells.neutralise(user.avatarUrl());
        return cells;
    }
}
