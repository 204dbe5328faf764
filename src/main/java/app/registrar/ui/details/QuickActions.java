package app.registrar.ui.details;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.MatrixApiException;
import app.registrar.api.UserDetails;
import app.registrar.service.AccountService;
import app.registrar.service.BackgroundTask;
import app.registrar.ui.common.Confirmation;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.OutcomeCheck;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;

/**
 * The changes the details panel makes to the shown account (lock, suspend, shadow-ban and their Undo, signing a
 * device out, admin rights set back): one at a time, asked first unless it is an Undo, and when a change's answer
 * is lost, the account is read back to learn whether it was made; a failed read-back leaves the outcome unknown
 * and every action disabled until "Check again" reads it.
 */
final class QuickActions {

    /** The texts of one direction of a restriction: its question, its button, its notice and its note. */
    record Texts(String question, String action, String done, String note) {
    }

    /** The three reversible restrictions; one code path sets each on or off. */
    enum Toggle {
        LOCK(UserDetails::locked, AccountService::setLocked, "details.lock.help",
                new Texts("details.lock.confirm", "details.lock", "details.done.lock", "note.locked"),
                new Texts("details.unlock.confirm", "details.unlock", "details.done.unlock", "note.unlocked")),
        SUSPEND(UserDetails::suspended, AccountService::setSuspended, "details.suspend.help",
                new Texts("details.suspend.confirm", "details.suspend", "details.done.suspend", "note.suspended"),
                new Texts("details.unsuspend.confirm", "details.unsuspend", "details.done.unsuspend", "note.unsuspended")),
        SHADOW_BAN(UserDetails::shadowBanned, AccountService::setShadowBanned, "details.shadowban.help",
                new Texts("details.shadowban.confirm", "details.shadowban", "details.done.shadowban", "note.shadowbanned"),
                new Texts("details.unshadowban.confirm", "details.unshadowban", "details.done.unshadowban",
                        "note.unshadowbanned"));

        private final Predicate<UserDetails> isOn;
        private final Setter setter;
        private final String helpKey;
        private final Texts on;
        private final Texts off;

        Toggle(Predicate<UserDetails> isOn, Setter setter, String helpKey, Texts on, Texts off) {
            this.isOn = isOn;
            this.setter = setter;
            this.helpKey = helpKey;
            this.on = on;
            this.off = off;
        }
    }

    @FunctionalInterface
    interface Setter {
        BackgroundTask<UserDetails> set(AccountService service, String userId, boolean on);
    }

    private final AccountService service;
    private final DialogService dialogs;
    private final AccountNotes notes;
    private final ObservableList<DeviceRow> devices;
    private final Consumer<UserDetails> showUpdated;
    private final Runnable onAccountChanged;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final OutcomeCheck outcome = new OutcomeCheck();

    /**
     * {@code showUpdated} shows an account read after a change if it is still the one shown; {@code devices} is the
     * shown account's list, from which a device signed out goes.
     */
    QuickActions(AccountService service, DialogService dialogs, AccountNotes notes, ObservableList<DeviceRow> devices,
                   Consumer<UserDetails> showUpdated, Runnable onAccountChanged) {
        this.service = service;
        this.dialogs = dialogs;
        this.notes = notes;
        this.devices = devices;
        this.showUpdated = showUpdated;
        this.onAccountChanged = onAccountChanged;
    }

    /** Turns {@code toggle} the other way for {@code current}, after asking. */
    void toggle(Toggle toggle, UserDetails current) {
        if (current != null) {
            set(toggle, current.userId(), !toggle.isOn.test(current), true);
        }
    }

    private void set(Toggle toggle, String id, boolean on, boolean ask) {
        Texts texts = on ? toggle.on : toggle.off;
        String title = tr(texts.action()).replace("_", "");
        Confirmation question = new Confirmation(title, tr(texts.question(), id), tr(toggle.helpKey),
                title + " " + id, tr("details.keep"), on);
        // An Undo is not asked again: the admin just did the opposite and pressed Undo on purpose.
        if (blocked() || (ask && !dialogs.confirm(question))) {
            return;
        }
        ActionNote done = new ActionNote(texts.note(), () -> set(toggle, id, !on, false));
        change(() -> toggle.setter.set(service, id, on), updated -> changed(updated, texts.done(), id, done),
                () -> readBack(() -> service.getUser(id), after -> {
                    // The audit entry said "could not be confirmed"; the read-back now knows ("details.done.lock" → lock).
                    String doneKey = texts.done();
                    service.settleAudit(id, toggle.isOn.test(after) == on,
                            doneKey.substring(doneKey.lastIndexOf('.') + 1).replace("shadowban", "shadow-ban")).start();
                    if (toggle.isOn.test(after) == on) {
                        changed(after, texts.done(), id, done);
                    } else {
                        showUpdated.accept(after);
                        dialogs.showError(tr("dialog.error.title"), new ErrorReport(tr("details.checked.not"), "", ""));
                    }
                }));
    }

    private void changed(UserDetails updated, String doneKey, String id, ActionNote done) {
        showUpdated.accept(updated);
        notes.recordNow(id, done.text(), done.undo());
        dialogs.notify(tr(doneKey, id));
        onAccountChanged.run();
    }

    /** Signs {@code userId} out of one device, after asking. */
    void removeDevice(String userId, DeviceRow device) {
        if (busy.get()) {
            return;
        }
        Confirmation question = new Confirmation(tr("details.device.remove.confirm.title"),
                tr("details.device.remove.confirm.header", userId, device.name()),
                DeviceSignOutPreview.describe(device, devices) + "\n\n" + tr("details.device.remove.confirm.text"),
                tr("details.device.remove.confirm.action"),
                tr("details.keep"), true);
        if (!dialogs.confirm(question)) {
            return;
        }
        String deviceId = device.deviceId();
        change(() -> service.deleteDevice(userId, deviceId), ignored -> devices.removeIf(d -> d.deviceId().equals(deviceId)),
                () -> readBack(() -> service.devices(userId), list -> {
                    boolean gone = list.stream().noneMatch(d -> d.deviceId().equals(deviceId));
                    service.settleAudit(userId, gone, "sign-out-device").start();
                    if (gone) {
                        devices.removeIf(d -> d.deviceId().equals(deviceId));
                    } else {
                        dialogs.showError(tr("dialog.error.title"), new ErrorReport(tr("details.checked.not"), "", ""));
                    }
                }));
    }

    /** Admin rights changed in the editor: a note with Undo, which sets them back without asking again. */
    void recordAdminChanged(String id, boolean admin) {
        notes.recordNow(id, admin ? "note.admin.granted" : "note.admin.removed", () -> {
            if (blocked()) {
                return;
            }
            busy.set(true);
            service.setAdmin(id, !admin).onSuccess(updated -> {
                showUpdated.accept(updated);
                recordAdminChanged(id, !admin);
                onAccountChanged.run();
            }).onFailure(e -> dialogs.showError(tr("dialog.error.title"), ErrorMessages.describe(e)))
                    .andFinally(() -> busy.set(false))
                    .start();
        });
    }

    /**
     * Sends a change, busy until it ends; when its answer is lost, {@code readBack} runs instead (and stays busy
     * until it ends), any other failure is shown.
     */
    private <T> void change(Supplier<BackgroundTask<T>> task, Consumer<T> done, Runnable readBack) {
        busy.set(true);
        boolean[] readingBack = {false};
        task.get().onSuccess(done)
                .onFailure(e -> {
                    if (OutcomeCheck.isLostAnswer(e)) {
                        readingBack[0] = true;
                        readBack.run();
                    } else {
                        dialogs.showError(tr("dialog.error.title"), ErrorMessages.describe(e));
                    }
                })
                .andFinally(() -> {
                    if (!readingBack[0]) {
                        busy.set(false);
                    }
                })
                .start();
    }

    /**
     * Reads back what a change whose answer was lost touched: a read that succeeds settles the outcome and goes to
     * {@code settled}; one that fails leaves the outcome unknown, with this read as "Check again".
     */
    private <T> void readBack(Supplier<BackgroundTask<T>> read, Consumer<T> settled) {
        busy.set(true);
        read.get().onSuccess(found -> {
                    outcome.settled();
                    settled.accept(found);
                })
                .onFailure(e -> dialogs.showError(tr("dialog.error.title"), readBackFailed(e, read, settled)))
                .andFinally(() -> busy.set(false))
                .start();
    }

    private <T> ErrorReport readBackFailed(MatrixApiException e, Supplier<BackgroundTask<T>> read, Consumer<T> settled) {
        return outcome.readBackFailed(e, () -> readBack(read, settled));
    }

    /** True while a change runs or the outcome of the last one is unknown: no other change is sent then. */
    boolean blocked() {
        return busy.get() || outcome.isUnconfirmed();
    }

    ReadOnlyBooleanWrapper busy() {
        return busy;
    }

    OutcomeCheck outcome() {
        return outcome;
    }
}
