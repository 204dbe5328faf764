package app.registrar.ui.details;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ErrorCategory;
import app.registrar.api.UserDetails;
import app.registrar.service.AccountService;
import app.registrar.service.LatestRequest;
import app.registrar.service.TaskHandle;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.OutcomeCheck;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    private final ReadOnlyObjectWrapper<UserDetails> user = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Long> roomCount = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<byte[]> avatar = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private final AccountNotes notes = new AccountNotes();
    private final QuickActions changes;
    private final ReadOnlyBooleanWrapper busy;
    private final OutcomeCheck outcome;
    private final BooleanBinding actionsBlocked;

    private String userId;
    private final LatestRequest latest = new LatestRequest();
    private TaskHandle running = TaskHandle.NONE;

    public AccountDetailsViewModel(AccountService service, DialogService dialogs, Runnable onAccountChanged) {
        this.service = service;
        this.changes = new QuickActions(service, dialogs, notes, devices, updated -> {
            if (updated.userId().equals(userId)) {
                user.set(updated);
            }
        }, onAccountChanged);
        this.busy = changes.busy();
        this.outcome = changes.outcome();
        this.actionsBlocked = busy.or(outcome.unconfirmedProperty());
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

    // ---- quick actions (run by QuickActions) ------------------------------------------------------------------

    public void toggleLocked() {
        changes.toggle(QuickActions.Toggle.LOCK, user.get());
    }

    public void toggleSuspended() {
        changes.toggle(QuickActions.Toggle.SUSPEND, user.get());
    }

    public void toggleShadowBanned() {
        changes.toggle(QuickActions.Toggle.SHADOW_BAN, user.get());
    }

    /** Signs the account out of one device, after asking. */
    public void removeDevice(DeviceRow device) {
        UserDetails current = user.get();
        if (current != null) {
            changes.removeDevice(current.userId(), device);
        }
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
        changes.recordAdminChanged(id, admin);
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

    public OutcomeCheck getOutcome() {
        return outcome;
    }

    /** True while an action runs or the outcome of the last one is unknown: no other change is sent then. */
    public BooleanBinding actionsBlockedProperty() {
        return actionsBlocked;
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
