package app.registrar.ui.insights;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.UserQuery;
import app.registrar.bulk.AccountInsights;
import app.registrar.bulk.BulkService;
import app.registrar.bulk.ExportProgress;
import app.registrar.bulk.Insights;
import app.registrar.bulk.JobControl;
import app.registrar.bulk.PngFile;
import app.registrar.bulk.ProgressRelay;
import app.registrar.ui.bulk.InactiveAccountsViewModel;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.Formats;
import app.registrar.ui.common.JobViewModel;
import app.registrar.ui.insights.InsightsCharts.Chart;
import java.nio.file.Path;
import java.time.ZoneId;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Insights screen: one scan over every account of the server ({@link BulkService#insights}) with progress and
 * Cancel, turned into three charts (created per month, last seen, kinds of account), the number of accounts not
 * used for N days with their list one click away, and each chart saved as a PNG. The scan's state and its
 * counts (the report) come from {@link JobViewModel}.
 */
public final class InsightsViewModel extends JobViewModel<Insights> {

    private final BulkService service;
    private final DialogService dialogs;
    private final ZoneId zone;
    private final ObservableList<ChartBar> created = FXCollections.observableArrayList();
    private final ObservableList<ChartBar> activity = FXCollections.observableArrayList();
    private final ObservableList<ChartBar> kinds = FXCollections.observableArrayList();
    // One read-only view of each, kept: a view made per call listens to its list only weakly, so a chart
    // listening to a view nobody else holds would stop hearing of changes once the view is collected.
    private final ObservableList<ChartBar> createdView = FXCollections.unmodifiableObservableList(created);
    private final ObservableList<ChartBar> activityView = FXCollections.unmodifiableObservableList(activity);
    private final ObservableList<ChartBar> kindsView = FXCollections.unmodifiableObservableList(kinds);
    private final IntegerProperty inactiveDays = new SimpleIntegerProperty(InactiveAccountsViewModel.DEFAULT_DAYS);
    private final ReadOnlyLongWrapper inactiveCount = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper inactiveText = new ReadOnlyStringWrapper("");

    public InsightsViewModel(BulkService service, DialogService dialogs) {
        this(service, dialogs, ZoneId.systemDefault());
    }

    InsightsViewModel(BulkService service, DialogService dialogs, ZoneId zone) {
        this.service = service;
        this.dialogs = dialogs;
        this.zone = zone;
        inactiveDays.addListener((obs, old, now) -> countInactive());
    }

    /** Reads every account of the server and counts them; the charts change once the scan ends (or is stopped). */
    public void scan() {
        if (job.running.get()) {
            return;
        }
        JobControl control = job.begin(tr("insights.scanning"));
        error.set(null);
        job.progress.set(-1);
        service.insights(zone, control, new ProgressRelay<ExportProgress>(service.executor(), p -> {
                    // A last progress report can arrive after the result; it must not cover the final status.
                    if (job.running.get() && job.isCurrent(control)) {
                        job.progress.set(p.fraction());
                        job.status.set(!p.isWaiting() ? tr("insights.progress", p.written(), p.total())
                                : p.total() < 0 ? tr("export.waiting.first", p.waiting().toSeconds())
                                : tr("insights.waiting", p.written(), p.total(), p.waiting().toSeconds()));
                    }
                }))
                .onSuccess(this::show)
                .onFailure(e -> {
                    error.set(ErrorMessages.describe(e));
                    job.status.set("");
                })
                .andFinally(job::end)
                .start();
    }

    /** Stops the scan after the page on its way; the charts then show what was counted until then. */
    public void cancel() {
        if (job.running.get()) {
            job.cancel();
        }
    }

    private void show(Insights found) {
        report.set(found);
        created.setAll(InsightsCharts.createdPerMonth(found));
        activity.setAll(InsightsCharts.activity(found));
        kinds.setAll(InsightsCharts.kinds(found));
        job.progress.set(found.cancelled() ? job.progress.get() : 1);
        if (found.cancelled()) {
            job.status.set(tr("insights.cancelled", found.scanned(), found.totalAtStart()));
        } else {
            job.status.set(tr(found.changedMeanwhile() ? "insights.done.changed" : "insights.done",
                    found.scanned(), Formats.time(found.asOf())));
        }
        countInactive();
    }

    private void countInactive() {
        Insights found = report.get();
        if (found == null || inactiveDays.get() < 1) {
            inactiveCount.set(0);
            inactiveText.set("");
            return;
        }
        inactiveCount.set(found.activity().inactiveLongerThan(inactiveDays.get()));
        inactiveText.set(tr("insights.inactive.count", inactiveCount.get(), inactiveDays.get()));
    }

    /**
     * The accounts counted as inactive, listed for review and bulk deactivation: the inactive-accounts view over
     * every account that is not deactivated, for the same number of days.
     */
    public InactiveAccountsViewModel newInactiveList() {
        InactiveAccountsViewModel list = new InactiveAccountsViewModel(service, dialogs);
        list.daysProperty().set(inactiveDays.get());
        return list;
    }

    /** The accounts {@link #newInactiveList()} looks through. */
    public UserQuery inactiveQuery() {
        return AccountInsights.EVERY_ACCOUNT;
    }

    /** Asks where to save {@code chart} (drawn by the view as {@code picture}) and writes it as a PNG. */
    public void save(Chart chart, PngFile.Picture picture) {
        dialogs.choosePngToWrite(tr("insights.save.title"), InsightsCharts.fileName(chart, service.serverName()))
                .ifPresent(file -> write(file, picture));
    }

    private void write(Path file, PngFile.Picture picture) {
        error.set(null);
        service.writePng(file, picture)
                .onSuccess(saved -> dialogs.notify(tr("insights.saved", saved.getFileName())))
                .onFailure(e -> error.set(ErrorMessages.describe(e)))
                .start();
    }

    public ObservableList<ChartBar> getCreatedPerMonth() {
        return createdView;
    }

    public ObservableList<ChartBar> getActivity() {
        return activityView;
    }

    public ObservableList<ChartBar> getKinds() {
        return kindsView;
    }

    public IntegerProperty inactiveDaysProperty() {
        return inactiveDays;
    }

    public ReadOnlyLongProperty inactiveCountProperty() {
        return inactiveCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty inactiveTextProperty() {
        return inactiveText.getReadOnlyProperty();
    }
}
