package app.registrar.ui.edituser;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.api.UserDetails;
import app.registrar.model.PasswordPolicy;
import app.registrar.service.AccountService;
import app.registrar.service.BackgroundTask;
import app.registrar.ui.common.Confirmation;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.DialogViewModel;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.NewPasswordViewModel;
import app.registrar.ui.common.OutcomeCheck;
import app.registrar.ui.common.TextSafety;
import app.registrar.ui.conflicts.HolderCheck;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The create and edit dialog, one view model for both. Edits a copy of the account in its parts (user ID,
 * contacts, picture, password); saves only what changed ({@link AccountChanges}), uploading a new picture first
 * as one chained command, keeps the dialog open while saving, and on failure keeps every field as typed. An answer
 * lost on the way back is never answered by sending again: the account is read back instead.
 */
public final class EditUserViewModel extends DialogViewModel {

    static final int MAX_DISPLAY_NAME = 256;

    private final AccountService service;
    private final DialogService dialogs;
    private final String ownUserId;
    private final UserDetails original;
    private final Consumer<UserDetails> onSaved;

    private final UserIdInput userId;
    private final ContactsInput contacts;
    private final AvatarInput avatar;
    private final NewPasswordViewModel password;
    private final StringProperty displayName = new SimpleStringProperty("");
    private final BooleanProperty admin = new SimpleBooleanProperty();
    private final ObjectProperty<String> userType = new SimpleObjectProperty<>();
    private final StringBinding displayNameProblem;
    private final StringBinding displayNameNote;
    private final BooleanBinding canSave;
    private final OutcomeCheck outcome = new OutcomeCheck();
    /** Set once the account itself was sent (not only the picture uploaded): only then can its outcome be unknown. */
    private boolean sent;
    /** The account change last sent, for the audit trail once a lost answer is read back. */
    private app.registrar.api.UserUpdate sentUpdate;

    /** For a new account on {@code serverName}. */
    public static EditUserViewModel forCreate(AccountService service, DialogService dialogs, String serverName,
                                              String ownUserId, PasswordPolicy policy, Consumer<UserDetails> onSaved) {
        return new EditUserViewModel(service, dialogs, serverName, ownUserId, policy, null, onSaved);
    }

    /** For changing {@code account}. */
    public static EditUserViewModel forEdit(AccountService service, DialogService dialogs, String ownUserId,
                                            PasswordPolicy policy, UserDetails account, Consumer<UserDetails> onSaved) {
        String server = account.userId().substring(account.userId().indexOf(':') + 1);
        return new EditUserViewModel(service, dialogs, server, ownUserId, policy, account, onSaved);
    }

    private EditUserViewModel(AccountService service, DialogService dialogs, String serverName, String ownUserId,
                              PasswordPolicy policy, UserDetails original, Consumer<UserDetails> onSaved) {
        this.service = service;
        this.dialogs = dialogs;
        this.ownUserId = ownUserId;
        this.original = original;
        this.onSaved = onSaved;
        this.password = new NewPasswordViewModel(dialogs, policy, original != null);
        this.userId = new UserIdInput(service, serverName,
                original == null ? null : original.userId().substring(1, original.userId().indexOf(':')));
        this.contacts = new ContactsInput(original == null ? null : original.userId(),
                original == null ? List.of() : original.emails().stream().map(e -> e.address()).toList(),
                original == null ? List.of() : original.externalIds());
        this.avatar = new AvatarInput(service, dialogs, original == null ? null : original.avatarUrl());
        if (original != null) {
            displayName.set(original.displayName() == null ? "" : original.displayName());
            admin.set(original.admin());
            userType.set(original.userType());
        }
        displayNameProblem = Bindings.createStringBinding(() -> displayName.get().length() > MAX_DISPLAY_NAME
                ? tr("edit.display.too.long") : "", displayName);
        displayNameNote = Bindings.createStringBinding(() -> TextSafety.hasHidden(displayName.get())
                ? tr("edit.display.hidden", TextSafety.visible(displayName.get())) : "", displayName);
        canSave = busyProperty().not()
                .and(Bindings.createBooleanBinding(() -> userId.problemProperty().get().isEmpty(),
                        userId.problemProperty()))
                .and(Bindings.createBooleanBinding(() -> displayNameProblem.get().isEmpty(), displayNameProblem))
                .and(password.acceptableProperty())
                .and(outcome.unconfirmedProperty().not());
        watchInput(userId.localpartProperty(), displayName, admin, userType, password.passwordProperty(),
                contacts.newEmailProperty(), contacts.newProviderProperty(), contacts.newExternalIdProperty(),
                avatar.editedProperty());
        watchInput(contacts.getEmails());
        watchInput(contacts.getExternalIds());
    }

    public boolean isCreate() {
        return original == null;
    }

    /** The user ID the dialog creates or edits, as it will be sent. */
    public String getUserId() {
        return isCreate() ? userId.userId() : original.userId();
    }

    /** Forgets every password typed or generated; called when the dialog closes. */
    public void clearSecrets() {
        password.clear();
    }

    // ---- save ------------------------------------------------------------------------------------------------

    /** Creates or saves; the dialog stays open until the server accepted it, and nothing typed is lost on failure. */
    public void save() {
        // An email or SSO identity still being looked up: saving now could move it from another account.
        if (!canSave.get() || contacts.isChecking() || (isCreate() && password.isEmpty()) || !confirmed()) {
            return;
        }
        if (!isCreate() && original.admin() && !admin.get() && original.userId().equals(ownUserId)) {
            showError(new ErrorReport(tr("edit.demote.self"), tr("edit.demote.self.next"), ""));
            return;
        }
        AvatarInput.Chosen picture = avatar.chosen();
        sent = false;
        if (picture == null && !isCreate() && changes(null).isEmpty()) {
            dialogs.notify(tr("edit.nothing.changed"));
            requestClose();
            return;
        }
        BackgroundTask<UserDetails> saving = picture == null ? send(null)
                : service.uploadAvatar(picture.bytes(), picture.type(), picture.name()).then(this::send);
        // Busy by hand: a lost answer is followed by a read-back, and the dialog stays busy until it is known.
        begin();
        saving.onSuccess(result -> {
            end();
            saved(result);
        }).onFailure(this::failed).start();
    }

    /** Asks before granting admin rights and before removing a display name. */
    private boolean confirmed() {
        boolean granting = admin.get() && (original == null || !original.admin());
        if (granting && !dialogs.confirm(new Confirmation(tr("edit.admin.confirm.title"),
                tr("edit.admin.confirm.header", getUserId()), tr("edit.admin.confirm.text"),
                tr("edit.admin.confirm.action"), tr("edit.admin.confirm.cancel"), false))) {
            return false;
        }
        boolean removingName = !isCreate() && displayName.get().isBlank()
                && original.displayName() != null && !original.displayName().isBlank();
        return !removingName || dialogs.confirm(new Confirmation(tr("edit.display.remove.title"),
                tr("edit.display.remove.header", getUserId()), tr("edit.display.remove.text"),
                tr("edit.display.remove.action"), tr("edit.display.remove.cancel"), false));
    }

    private AccountChanges changes(String uploadedAvatar) {
        AccountChanges.Fields fields = new AccountChanges.Fields(displayName.get().strip(),
                password.isEmpty() ? null : password.get(), admin.get(), userType.get(), uploadedAvatar,
                avatar.removesCurrent(), List.copyOf(contacts.getEmails()), List.copyOf(contacts.getExternalIds()));
        return isCreate() ? AccountChanges.forCreate(fields) : AccountChanges.forEdit(original, fields);
    }

    private BackgroundTask<UserDetails> send(String uploadedAvatar) {
        AccountChanges changes = changes(uploadedAvatar);
        sent = true;
        sentUpdate = changes.update();
        if (isCreate()) {
            return service.createUser(getUserId(), changes.update());
        }
        return service.saveUser(original.userId(), changes.update(), changes.emailsToAdd(), changes.emailsToRemove(),
                changes.idsToAdd(), changes.idsToRemove());
    }

    private void saved(UserDetails result) {
        dialogs.notify(tr(isCreate() ? "edit.created" : "edit.saved", result.userId()));
        clearSecrets();
        onSaved.accept(result);
        requestClose();
    }

    private void failed(MatrixApiException e) {
        if (e.category() == ErrorCategory.CONFLICT && isCreate()) {
            userId.refusedAsInUse(e.errcode().filter("M_EXCLUSIVE"::equals).isPresent());
        }
        ErrorReport report = ErrorMessages.describe(e);
        showError(report);
        if (sent && OutcomeCheck.isLostAnswer(e)) {
            checkOutcome(report);
        } else {
            end();
        }
    }

    /**
     * The answer was lost, so the change may or may not have happened: read the account back and say which,
     * instead of sending anything again.
     */
    private void checkOutcome(ErrorReport lost) {
        keepBusy();
        service.findUser(getUserId())
                .onSuccess(found -> {
                    outcome.settled();
                    settleAudit(found);
                    if (isCreate() && found.isPresent()) {
                        showError(null);
                        saved(found.get());
                    } else {
                        showError(new ErrorReport(tr(isCreate() ? "edit.unknown.create.not" : "edit.unknown.edit"),
                                tr("edit.unknown.next"), lost.details()));
                    }
                })
                .onFailure(e -> {
                    // Still unknown: Save stays disabled until "Check again" reads the account.
                    showError(outcome.readBackFailed(e, () -> checkOutcome(lost)));
                })
                .andFinally(this::end)
                .start();
    }

    /**
     * What the read-back tells the audit trail: whether a lost create made the account, and whether a lost change
     * of admin rights alone (audited as grant-admin or revoke-admin) was made. Other edits stay unconfirmed.
     */
    private void settleAudit(Optional<UserDetails> found) {
        if (isCreate()) {
            service.settleAudit(getUserId(), found.isPresent(), "create").start();
        } else if (sentUpdate != null && sentUpdate.has("admin") && sentUpdate.without("admin").isEmpty()) {
            boolean wanted = Boolean.TRUE.equals(sentUpdate.value("admin"));
            service.settleAudit(getUserId(), found.filter(u -> u.admin() == wanted).isPresent(),
                    wanted ? "grant-admin" : "revoke-admin").start();
        }
    }

    public OutcomeCheck getOutcome() {
        return outcome;
    }

    /** Names the account that already holds an email or SSO identity the admin adds (see {@link ContactsInput}). */
    public void checkHoldersWith(HolderCheck check, Consumer<String> openOtherAccount) {
        contacts.checkHoldersWith(check, openOtherAccount);
    }

    // ---- parts and properties --------------------------------------------------------------------------------

    public UserIdInput getUserIdInput() {
        return userId;
    }

    public ContactsInput getContacts() {
        return contacts;
    }

    public AvatarInput getAvatar() {
        return avatar;
    }

    public NewPasswordViewModel getPassword() {
        return password;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public BooleanProperty adminProperty() {
        return admin;
    }

    public ObjectProperty<String> userTypeProperty() {
        return userType;
    }

    public StringBinding displayNameProblemProperty() {
        return displayNameProblem;
    }

    /** Warns about invisible or direction-changing characters, which the list shows as [U+…] markers. */
    public StringBinding displayNameNoteProperty() {
        return displayNameNote;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
