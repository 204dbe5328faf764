package app.registrar.ui.bulk;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.bulk.BulkAction;
import app.registrar.bulk.BulkProgress;
import app.registrar.bulk.BulkReport;
import app.registrar.bulk.BulkResult;
import app.registrar.bulk.BulkService;
import app.registrar.bulk.JobControl;
import app.registrar.bulk.ProgressRelay;
import app.registrar.ui.common.Confirmation;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.JobViewModel;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One action on the accounts selected in the list — deactivate (optionally with erase), reactivate, lock, unlock —
 * with the same care as for one account: deactivating asks the admin to type how many accounts are affected, erase
 * needs its own tick, and a confirmation with verb buttons names the accounts; the admin's own account is always
 * left out. Accounts are done one at a time, with progress, and each gets its own line in {@link #getResults()}.
 */
public final class BulkActionViewModel extends JobViewModel<BulkReport> {

    private static final int NAMES_SHOWN = 5;

    private final BulkService service;
    private final DialogService dialogs;
    private final List<String> userIds;
    private final String signedInUserId;

    private final ObjectProperty<BulkAction> action = new SimpleObjectProperty<>(BulkAction.LOCK);
    private final StringProperty typedCount = new SimpleStringProperty("");
    private final BooleanProperty eraseUnderstood = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> passwordsFile = new SimpleObjectProperty<>();
    private final ObservableList<BulkResult> results = FXCollections.observableArrayList();
    private final BooleanBinding canRun;
    private final SelectionPreviewViewModel preview;
    private final BulkLeftBehindViewModel leftBehind;

    public BulkActionViewModel(BulkService service, DialogService dialogs, List<String> userIds) {
        this.service = service;
        this.dialogs = dialogs;
        this.userIds = List.copyOf(new LinkedHashSet<>(userIds));
        this.signedInUserId = service.signedInUserId();
        canRun = Bindings.createBooleanBinding(() -> {
            BulkAction chosen = action.get();
            if (job.running.get() || chosen == null || affectedCount() == 0) {
                return false;
            }
            if (chosen.isDestructive() && !typedCount.get().strip().equals(Integer.toString(affectedCount()))) {
                return false;
            }
            if (chosen == BulkAction.DEACTIVATE_AND_ERASE && !eraseUnderstood.get()) {
                return false;
            }
            return chosen != BulkAction.REACTIVATE || !service.managesPasswords() || passwordsFile.get() != null;
        }, action, typedCount, eraseUnderstood, passwordsFile, job.running);
        preview = new SelectionPreviewViewModel(service,
                this.userIds.stream().filter(id -> !id.equals(signedInUserId)).toList());
        leftBehind = new BulkLeftBehindViewModel(service,
                this.userIds.stream().filter(id -> !id.equals(signedInUserId)).toList(), preview.reportProperty());
        leftBehind.deleteMediaProperty().addListener((obs, old, now) -> preview.mediaDeleted(now));
        action.addListener((obs, old, now) -> {
            typedCount.set("");
            eraseUnderstood.set(false);
            // What goes is read as soon as a deactivation is chosen, while the admin types the count.
            if (now != null && now.isDestructive()) {
                preview.load();
            }
        });
    }

    /** The accounts the action is done to: the selection without the signed-in admin's own account. */
    public int affectedCount() {
        return (int) userIds.stream().filter(id -> !id.equals(signedInUserId)).count();
    }

    public boolean includesOwnAccount() {
        return userIds.contains(signedInUserId);
    }

    /** Asks for the final confirmation, then runs the chosen action on every selected account, one at a time. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        BulkAction chosen = action.get();
        if (!dialogs.confirm(confirmation(chosen))) {
            return;
        }
        error.set(null);
        report.set(null);
        results.clear();
        JobControl control = job.begin(tr("bulk.starting", label(chosen), affectedCount()));
        Path passwords = chosen == BulkAction.REACTIVATE && service.managesPasswords() ? passwordsFile.get() : null;
        app.registrar.bulk.LeftBehind removedFirst = chosen.isDestructive() ? leftBehind.chosen()
                : app.registrar.bulk.LeftBehind.NOTHING;
        service.runAction(userIds, chosen, passwords, removedFirst, control, new ProgressRelay<BulkProgress>(service.executor(), p -> {
                    if (job.running.get()) {
                        job.progress.set(p.fraction());
                        job.status.set(tr("bulk.progress", p.finished(), p.total()));
                    }
                }))
                .onSuccess(done -> {
                    report.set(done);
                    results.setAll(done.results());
                    job.progress.set(1);
                    job.status.set(tr(done.cancelled() ? "bulk.report.cancelled" : "bulk.report",
                            done.count(BulkResult.Outcome.DONE), done.count(BulkResult.Outcome.ALREADY),
                            done.count(BulkResult.Outcome.FAILED) + done.count(BulkResult.Outcome.UNKNOWN),
                            done.count(BulkResult.Outcome.SKIPPED_OWN_ACCOUNT), done.count(BulkResult.Outcome.NOT_RUN)));
                    typedCount.set("");
                    eraseUnderstood.set(false);
                })
                .onFailure(e -> {
                    error.set(BulkErrors.describe(e));
                    job.status.set("");
                })
                .andFinally(() -> {
                    job.end();
                })
                .start();
    }

    Confirmation confirmation(BulkAction chosen) {
        List<String> affected = userIds.stream().filter(id -> !id.equals(signedInUserId)).toList();
        String names = String.join(", ", affected.subList(0, Math.min(NAMES_SHOWN, affected.size())))
                + (affected.size() > NAMES_SHOWN ? " " + tr("bulk.confirm.more", affected.size() - NAMES_SHOWN) : "");
        String key = "bulk.confirm." + chosen.name().toLowerCase(Locale.ROOT).replace('_', '.');
        String text = tr(key + ".text") + (includesOwnAccount() && chosen != BulkAction.REACTIVATE
                ? "\n" + tr("bulk.confirm.own.left.out") : "");
        if (chosen.isDestructive() && leftBehind.chosen().redactMessages()) {
            text += "\n" + tr("bulk.confirm.redact");
        }
        if (chosen.isDestructive() && leftBehind.chosen().deleteMedia()) {
            text += "\n" + tr("bulk.confirm.media");
        }
        return new Confirmation(tr("bulk.confirm.title", label(chosen)),
                tr(key + ".header", affected.size(), names), text,
                tr(key + ".action", affected.size()), tr("bulk.confirm.cancel"), chosen.isDestructive());
    }

    /** What a deactivation of the selection takes away, added up; read once a deactivation is chosen. */
    public SelectionPreviewViewModel getPreview() {
        return preview;
    }

    /** The spam and abuse ticks (remove every message, delete uploaded media), offered for a deactivation. */
    public BulkLeftBehindViewModel getLeftBehind() {
        return leftBehind;
    }

    public void pause() {
        job.pause(tr("bulk.paused"));
    }

    public void resume() {
        job.resume();
    }

    /** Stops after the account being worked on; the report lists which accounts were not reached. */
    public void cancel() {
        job.cancel();
    }

    public ObjectProperty<BulkAction> actionProperty() {
        return action;
    }

    /** For deactivation: the admin types the number of accounts to confirm they mean all of them. */
    public StringProperty typedCountProperty() {
        return typedCount;
    }

    public BooleanProperty eraseUnderstoodProperty() {
        return eraseUnderstood;
    }

    /** Where reactivation writes each account's new password (the view sets it from a save dialog). */
    /** Asks where generated passwords go: the only file they are ever written to. */
    public void choosePasswordsFile() {
        dialogs.chooseCsvToWrite(tr("bulk.passwords.choose"), "passwords.csv").ifPresent(passwordsFile::set);
    }

    public ObjectProperty<Path> passwordsFileProperty() {
        return passwordsFile;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public ObservableList<BulkResult> getResults() {
        return FXCollections.unmodifiableObservableList(results);
    }

    /** The action's name in the admin's words, for the action list and the confirmation. */
    public static String label(BulkAction action) {
        return tr("bulk.action." + action.name().toLowerCase(Locale.ROOT).replace('_', '.'));
    }
}
