package app.registrar.ui.bulk;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.bulk.BulkService;
import app.registrar.bulk.JobControl;
import app.registrar.bulk.ProgressRelay;
import app.registrar.bulk.SelectionRemovalPreview.Totals;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.Formats;
import app.registrar.ui.common.JobViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "What goes" for a bulk deactivation or erase: the rooms, devices, emails and media of every selected account,
 * added up while they are read (a few at a time, with progress and Cancel), so the admin sees the sums before
 * confirming. The sums so far are the job's report ({@link JobViewModel}); a failure is told in its status line.
 */
public final class SelectionPreviewViewModel extends JobViewModel<Totals> {

    private final BulkService service;
    private final List<String> userIds;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<String> linesView = FXCollections.unmodifiableObservableList(lines);
    /** Whether the run deletes the media first: the media line then no longer says it stays. */
    private boolean mediaDeleted;

    SelectionPreviewViewModel(BulkService service, List<String> userIds) {
        this.service = service;
        this.userIds = List.copyOf(userIds);
    }

    /** Reads the sums once; later calls while it runs or after it finished do nothing. */
    public void load() {
        if (job.running.get() || (report.get() != null && !report.get().cancelled())) {
            return;
        }
        JobControl control = job.begin(tr("bulk.preview.progress", 0, userIds.size()));
        service.previewRemoval(userIds, control, new ProgressRelay<Totals>(service.executor(), sums -> {
                    if (job.running.get() && job.isCurrent(control)) {
                        show(sums);
                    }
                }))
                .onSuccess(this::show)
                .onFailure(e -> job.status.set(tr("bulk.preview.error", ErrorMessages.describe(e).message())))
                .andFinally(job::end)
                .start();
    }

    /** Stops reading; the sums so far stay, marked as covering only the accounts read. */
    public void cancel() {
        if (job.running.get()) {
            job.cancel();
        }
    }

    private void show(Totals sums) {
        report.set(sums);
        job.progress.set(sums.fraction());
        lines.setAll(describe(sums, mediaDeleted));
        if (sums.cancelled()) {
            job.status.set(tr("bulk.preview.cancelled", sums.read(), sums.accounts()));
        } else if (sums.read() < sums.accounts()) {
            job.status.set(tr("bulk.preview.progress", sums.read(), sums.accounts()));
        } else {
            job.status.set(sums.failed() == 0 ? "" : tr("bulk.preview.failed", sums.failed()));
        }
    }

    /** The media tick changed: the media line says whether the files stay or go. */
    void mediaDeleted(boolean deleted) {
        mediaDeleted = deleted;
        if (report.get() != null) {
            lines.setAll(describe(report.get(), deleted));
        }
    }

    static List<String> describe(Totals sums, boolean mediaDeleted) {
        List<String> out = new ArrayList<>();
        out.add(tr("bulk.preview.rooms", sums.rooms()));
        out.add(tr("bulk.preview.devices", sums.devices()));
        out.add(tr("bulk.preview.emails", sums.emails()));
        out.add(tr(mediaDeleted ? "bulk.preview.media.deleted" : "bulk.preview.media", sums.mediaCount(),
                Formats.bytes(sums.mediaBytes())));
        return out;
    }

    public ObservableList<String> getLines() {
        return linesView;
    }
}
