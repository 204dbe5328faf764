package app.registrar.ui.bulk;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.bulk.BulkService;
import app.registrar.bulk.JobControl;
import app.registrar.bulk.ProgressRelay;
import app.registrar.bulk.SelectionRemovalPreview.Totals;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.Formats;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "What goes" for a bulk deactivation or erase: the rooms, devices, emails and media of every selected account,
 * added up while they are read (a few at a time, with progress and Cancel), so the admin sees the sums before
 * confirming.
 */
public final class SelectionPreviewViewModel {

    private final BulkService service;
    private final List<String> userIds;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<String> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyObjectWrapper<Totals> totals = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private JobControl control;

    SelectionPreviewViewModel(BulkService service, List<String> userIds) {
        this.service = service;
        this.userIds = List.copyOf(userIds);
    }

    /** Reads the sums once; later calls while it runs or after it finished do nothing. */
    public void load() {
        if (running.get() || (totals.get() != null && !totals.get().cancelled())) {
            return;
        }
        JobControl job = new JobControl();
        control = job;
        running.set(true);
        progress.set(0);
        status.set(tr("bulk.preview.progress", 0, userIds.size()));
        service.previewRemoval(userIds, job, new ProgressRelay<Totals>(service.executor(), sums -> {
                    if (running.get() && control == job) {
                        show(sums);
                    }
                }))
                .onSuccess(this::show)
                .onFailure(e -> status.set(tr("bulk.preview.error", ErrorMessages.describe(e).message())))
                .andFinally(() -> running.set(false))
                .start();
    }

    /** Stops reading; the sums so far stay, marked as covering only the accounts read. */
    public void cancel() {
        if (control != null && running.get()) {
            control.cancel();
        }
    }

    private void show(Totals sums) {
        totals.set(sums);
        progress.set(sums.fraction());
        lines.setAll(describe(sums));
        if (sums.cancelled()) {
            status.set(tr("bulk.preview.cancelled", sums.read(), sums.accounts()));
        } else if (sums.read() < sums.accounts()) {
            status.set(tr("bulk.preview.progress", sums.read(), sums.accounts()));
        } else {
            status.set(sums.failed() == 0 ? "" : tr("bulk.preview.failed", sums.failed()));
        }
    }

    static List<String> describe(Totals sums) {
        List<String> out = new ArrayList<>();
        out.add(tr("bulk.preview.rooms", sums.rooms()));
        out.add(tr("bulk.preview.devices", sums.devices()));
        out.add(tr("bulk.preview.emails", sums.emails()));
        out.add(tr("bulk.preview.media", sums.mediaCount(), Formats.bytes(sums.mediaBytes())));
        return out;
    }

    public ObservableList<String> getLines() {
        return linesView;
    }

    public ReadOnlyObjectProperty<Totals> totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
