package app.registrar.ui.details;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ErrorCategory;
import app.registrar.api.UserDetails;
import app.registrar.service.AccountService;
import app.registrar.service.BackgroundTask;
import app.registrar.service.LatestRequest;
import app.registrar.service.TaskHandle;
import app.registrar.ui.common.Confirmation;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.OutcomeCheck;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The details beside the list: profile, emails, SSO identities, devices with their last connection, joined-room
 * count and status of one account, and the quick actions (lock, suspend, shadow-ban, sign a device out).
 */
public final class AccountDetailsViewModel {

    private final AccountService service;
    private final DialogService dialogs;
    private final Runnable onAccountChanged;

    private final ReadOnlyObjectWrapper<UserDetails> user = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Long> roomCount = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<byte[]> avatar = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final OutcomeCheck outcome = new OutcomeCheck();
    private final BooleanBinding actionsBlocked = busy.or(outcome.unconfirmedProperty());
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private final AccountNotes notes = new AccountNotes();

    private String userId;
    private final LatestRequest latest = new LatestRequest();
    private TaskHandle running = TaskHandle.NONE;

    public AccountDetailsViewModel(AccountService service, DialogService dialogs, Runnable onAccountChanged) {
        this.service = service;
        this.dialogs = dialogs;
        this.onAccountChanged = onAccountChanged;
    }

    /** Shows {@code id} (null clears); answers for an account no longer shown are dropped. */
    public void show(String id) {
        running.cancel();
        LatestRequest.Ticket ticket = latest.next();
        userId = id;
        user.set(null);
        devices.clear();
        roomCount.set(null);
        avatar.set(null);
        error.set(null);
        notes.show(id);
        if (id == null) {
            loading.set(false);
            return;
        }
        loading.set(true);
        running = service.getUser(id)
                .onSuccess(ticket.ifCurrent(details -> {
                    user.set(details);
                    loadAround(ticket, details);
                }))
                .onFailure(ticket.ifCurrent(e -> {
                    if (e.category() != ErrorCategory.CANCELLED) {
                        error.set(ErrorMessages.describe(e));
                    }
                }))
                .andFinally(ticket.ifCurrent(() -> loading.set(false)))
                .start();
    }

    /** Reads the shown account again (after an action or a dialog changed it). */
    public void reload() {
        show(userId);
    }

    private void loadAround(LatestRequest.Ticket ticket, UserDetails details) {
        String id = details.userId();
        service.devices(id).onSuccess(ticket.ifCurrent(list -> service.whois(id)
                .onSuccess(ticket.ifCurrent(connections -> devices.setAll(DeviceRow.merge(list, connections))))
                .onFailure(ticket.ifCurrent(e -> devices.setAll(DeviceRow.merge(list, List.of()))))
                .start())).start();
        // Without Synapse's admin API (a MAS client sign-in) the count cannot be read: not asked, shown as such.
        if (service.reachesSynapse()) {
            service.joinedRoomCount(id).onSuccess(ticket.ifCurrent(roomCount::set)).start();
        }
        if (details.avatarUrl() != null && details.avatarUrl().startsWith("mxc://")) {
            service.thumbnail(details.avatarUrl(), 96).onSuccess(ticket.ifCurrent(avatar::set)).start();
        }
    }

    // ---- quick actions ---------------------------------------------------------------------------------------

    public void toggleLocked() {
        UserDetails current = user.get();
        if (current != null) {
            setLocked(current.userId(), !current.locked(), true);
        }
    }

    private void setLocked(String id, boolean lock, boolean ask) {
        act(id, ask, lock ? "details.lock.confirm" : "details.unlock.confirm", lock ? "details.lock" : "details.unlock",
                "details.lock.help", lock ? "details.done.lock" : "details.done.unlock", lock,
                new ActionNote(lock ? "note.locked" : "note.unlocked", () -> setLocked(id, !lock, false)),
                () -> service.setLocked(id, lock), after -> after.locked() == lock);
    }

    public void toggleSuspended() {
        UserDetails current = user.get();
        if (current != null) {
            setSuspended(current.userId(), !current.suspended(), true);
        }
    }

    private void setSuspended(String id, boolean suspend, boolean ask) {
        act(id, ask, suspend ? "details.suspend.confirm" : "details.unsuspend.confirm",
                suspend ? "details.suspend" : "details.unsuspend", "details.suspend.help",
                suspend ? "details.done.suspend" : "details.done.unsuspend", suspend,
                new ActionNote(suspend ? "note.suspended" : "note.unsuspended", () -> setSuspended(id, !suspend, false)),
                () -> service.setSuspended(id, suspend), after -> after.suspended() == suspend);
    }

    public void toggleShadowBanned() {
        UserDetails current = user.get();
        if (current != null) {
            setShadowBanned(current.userId(), !current.shadowBanned(), true);
        }
    }

    private void setShadowBanned(String id, boolean ban, boolean ask) {
        act(id, ask, ban ? "details.shadowban.confirm" : "details.unshadowban.confirm",
                ban ? "details.shadowban" : "details.unshadowban", "details.shadowban.help",
                ban ? "details.done.shadowban" : "details.done.unshadowban", ban,
                new ActionNote(ban ? "note.shadowbanned" : "note.unshadowbanned", () -> setShadowBanned(id, !ban, false)),
                () -> service.setShadowBanned(id, ban), after -> after.shadowBanned() == ban);
    }

    /**
     * Runs a reversible quick action, after asking unless it is an Undo (the admin just did the opposite and
     * pressed Undo on purpose); once done, {@code done}'s key (with the time) becomes the account's note, with
     * {@code done}'s undo.
     */
    private void act(String id, boolean ask, String questionKey, String actionKey, String helpKey, String doneKey,
                     boolean restricting, ActionNote done, Supplier<BackgroundTask<UserDetails>> task,
                     Predicate<UserDetails> applied) {
        String title = tr(actionKey).replace("_", "");
        Confirmation question = new Confirmation(title, tr(questionKey, id), tr(helpKey),
                title + " " + id, tr("details.keep"), restricting);
        if (busy.get() || outcome.isUnconfirmed() || (ask && !dialogs.confirm(question))) {
            return;
        }
        busy.set(true);
        boolean[] readingBack = {false};
        task.get().onSuccess(updated -> changed(updated, doneKey, id, done))
                .onFailure(e -> {
                    if (OutcomeCheck.isLostAnswer(e)) {
                        readingBack[0] = true;
                        confirm(id, applied, doneKey, done);
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

    private void changed(UserDetails updated, String doneKey, String id, ActionNote done) {
        if (updated.userId().equals(userId)) {
            user.set(updated);
        }
        notes.recordNow(id, done.text(), done.undo());
        dialogs.notify(tr(doneKey, id));
        onAccountChanged.run();
    }

    /**
     * The answer of a change was lost: read the account back. It tells whether the change was made; when the
     * read-back fails too, the outcome is unknown and the actions stay disabled until "Check again" reads it.
     */
    private void confirm(String id, Predicate<UserDetails> applied, String doneKey, ActionNote done) {
        busy.set(true);
        service.getUser(id)
                .onSuccess(after -> {
                    outcome.settled();
                    if (applied.test(after)) {
                        changed(after, doneKey, id, done);
                    } else {
                        if (after.userId().equals(userId)) {
                            user.set(after);
                        }
                        dialogs.showError(tr("dialog.error.title"),
                                new ErrorReport(tr("details.checked.not"), "", ""));
                    }
                })
                .onFailure(e -> dialogs.showError(tr("dialog.error.title"), outcome.readBackFailed(e, () -> confirm(id, applied, doneKey, done))))
                .andFinally(() -> busy.set(false))
                .start();
    }

    // ---- lasting notes ----------------------------------------------------------------------------------------

    /** The notes of every account shown this session; the main window records its dialogs' outcomes there. */
    public AccountNotes notes() {
        return notes;
    }

    /** After a password reset of the shown account: says when, and how many devices were signed out. */
    public void recordPasswordReset(String id, boolean signedOut) {
        int count = id.equals(userId) && signedOut ? devices.size() : 0;
        notes.record(id, signedOut ? tr("note.password.reset.signed.out", AccountNotes.now(), count)
                : tr("note.password.reset", AccountNotes.now()), null);
    }

    /** Admin rights changed in the editor: a note with Undo, which sets them back without asking again. */
    public void recordAdminChanged(String id, boolean admin) {
        notes.recordNow(id, admin ? "note.admin.granted" : "note.admin.removed", () -> {
            if (busy.get() || outcome.isUnconfirmed()) {
                return;
            }
            busy.set(true);
            service.setAdmin(id, !admin).onSuccess(updated -> {
                if (updated.userId().equals(userId)) {
                    user.set(updated);
                }
                recordAdminChanged(id, !admin);
                onAccountChanged.run();
            }).onFailure(e -> dialogs.showError(tr("dialog.error.title"), ErrorMessages.describe(e)))
                    .andFinally(() -> busy.set(false))
                    .start();
        });
    }

    /** Runs the Undo of the shown account's note. */
    public void undo() {
        ActionNote current = notes.noteProperty().get();
        if (current != null && current.canUndo() && !busy.get()) {
            current.undo().run();
        }
    }

    /** What the last finished action on the shown account did; null when nothing was done to it yet. */
    public ReadOnlyObjectProperty<ActionNote> noteProperty() {
        return notes.noteProperty();
    }

    /** Reads the account again after a change whose outcome could not be confirmed. */
    public void checkAgain() {
        outcome.checkAgain();
    }

    public OutcomeCheck getOutcome() {
        return outcome;
    }

    /** True while an action runs or the outcome of the last one is unknown: no other change is sent then. */
    public BooleanBinding actionsBlockedProperty() {
        return actionsBlocked;
    }

    /** Signs the account out of one device, after asking. */
    public void removeDevice(DeviceRow device) {
        UserDetails current = user.get();
        if (current == null || busy.get()) {
            return;
        }
        Confirmation question = new Confirmation(tr("details.device.remove.confirm.title"),
                tr("details.device.remove.confirm.header", current.userId(), device.name()),
                DeviceSignOutPreview.describe(device, devices) + "\n\n" + tr("details.device.remove.confirm.text"),
                tr("details.device.remove.confirm.action"),
                tr("details.keep"), true);
        if (!dialogs.confirm(question)) {
            return;
        }
        busy.set(true);
        boolean[] readingBack = {false};
        service.deleteDevice(current.userId(), device.deviceId())
                .onSuccess(ignored -> devices.removeIf(d -> d.deviceId().equals(device.deviceId())))
                .onFailure(e -> {
                    if (OutcomeCheck.isLostAnswer(e)) {
                        readingBack[0] = true;
                        confirmSignedOut(current.userId(), device.deviceId());
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

    /** A device sign-out whose answer was lost: the account's devices read back tell whether it is gone. */
    private void confirmSignedOut(String id, String deviceId) {
        busy.set(true);
        service.devices(id)
                .onSuccess(list -> {
                    outcome.settled();
                    if (list.stream().noneMatch(d -> d.deviceId().equals(deviceId))) {
                        devices.removeIf(d -> d.deviceId().equals(deviceId));
                    } else {
                        dialogs.showError(tr("dialog.error.title"), new ErrorReport(tr("details.checked.not"), "", ""));
                    }
                })
                .onFailure(e -> dialogs.showError(tr("dialog.error.title"), outcome.readBackFailed(e, () -> confirmSignedOut(id, deviceId))))
                .andFinally(() -> busy.set(false))
                .start();
    }

    public String getUserId() {
        return userId;
    }

    public ReadOnlyObjectProperty<UserDetails> userProperty() {
        return user.getReadOnlyProperty();
    }

    /** The actions the shown account offers, or null while none is shown. */
    public AccountOffers getOffers() {
        return user.get() == null ? null : AccountOffers.of(user.get(), service.reachesSynapse());
    }

    public UserDetails getUser() {
        return user.get();
    }

    public ObservableList<DeviceRow> getDevices() {
        return devices;
    }

    public ReadOnlyObjectProperty<Long> roomCountProperty() {
        return roomCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<byte[]> avatarProperty() {
        return avatar.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
