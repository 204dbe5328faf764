package app.registrar.ui.edituser;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ErrorCategory;
import app.registrar.api.ExternalId;
import app.registrar.api.MatrixApiException;
import app.registrar.api.Threepid;
import app.registrar.api.UserDetails;
import app.registrar.api.UserUpdate;
import app.registrar.model.PasswordPolicy;
import app.registrar.model.UserId;
import app.registrar.service.AccountService;
import app.registrar.service.LatestRequest;
import app.registrar.service.TaskHandle;
import app.registrar.ui.common.Confirmation;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.OutcomeCheck;
import app.registrar.ui.common.NewPasswordViewModel;
import app.registrar.ui.common.TextSafety;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The create and edit dialog, one view model for both. Edits a copy of the account; saves only what changed,
 * adds and removes emails and SSO identities one by one (the server replaces whole lists), keeps the dialog open
 * while saving, and on failure keeps every field as typed.
 */
public final class EditUserViewModel {

    /** Whether the user ID typed for a new account is free. */
    public enum Availability { UNKNOWN, CHECKING, AVAILABLE, TAKEN, RESERVED }

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int MAX_DISPLAY_NAME = 256;
    static final long MAX_AVATAR_BYTES = 5L * 1024 * 1024;
    static final long AVAILABILITY_DELAY_MS = 300;

    private final AccountService service;
    private final DialogService dialogs;
    private final String serverName;
    private final String ownUserId;
    private final PasswordPolicy policy;
    private final UserDetails original;
    private final Consumer<UserDetails> onSaved;

    private final StringProperty localpart = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty newEmail = new SimpleStringProperty("");
    private final StringProperty newProvider = new SimpleStringProperty("");
    private final StringProperty newExternalId = new SimpleStringProperty("");
    private final BooleanProperty admin = new SimpleBooleanProperty();
    private final ObjectProperty<String> userType = new SimpleObjectProperty<>();
    private final ObservableList<String> emails = FXCollections.observableArrayList();
    private final ObservableList<ExternalId> externalIds = FXCollections.observableArrayList();

    private final ReadOnlyObjectWrapper<byte[]> avatarPreview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper avatarProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emailProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper externalIdProblem = new ReadOnlyStringWrapper("");
    /** The other account that holds an email or SSO identity the admin tried to add (issue 12), or "". */
    private final ReadOnlyStringWrapper conflictHolder = new ReadOnlyStringWrapper("");
    private app.registrar.ui.conflicts.HolderCheck holders;
    private Consumer<String> openAccount = id -> { };
    private int checksRunning;
    private final ReadOnlyObjectWrapper<Availability> availability = new ReadOnlyObjectWrapper<>(Availability.UNKNOWN);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper closeRequested = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();

    private final StringBinding userIdProblem;
    private final StringBinding userIdNote;
    private final StringBinding displayNameProblem;
    private final StringBinding displayNameNote;
    private final NewPasswordViewModel password;
    private final BooleanBinding canSave;
    private final OutcomeCheck outcome = new OutcomeCheck();
    /** True while a lost answer is being read back: the save is not over, so the dialog stays busy. */
    private boolean readingBack;

    private byte[] chosenAvatar;
    private String chosenAvatarType;
    private String chosenAvatarName;
    private boolean removeAvatar;
    private TaskHandle availabilityCheck = TaskHandle.NONE;
    private final LatestRequest availabilityRequest = new LatestRequest();

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
        this.serverName = serverName;
        this.ownUserId = ownUserId;
        this.policy = policy;
        this.original = original;
        this.onSaved = onSaved;
        this.password = new NewPasswordViewModel(dialogs, policy, original != null);
        if (original != null) {
            localpart.set(original.userId().substring(1, original.userId().indexOf(':')));
            displayName.set(original.displayName() == null ? "" : original.displayName());
            admin.set(original.admin());
            userType.set(original.userType());
            original.emails().forEach(e -> emails.add(e.address()));
            externalIds.setAll(original.externalIds());
            if (original.avatarUrl() != null && original.avatarUrl().startsWith("mxc://")) {
                service.thumbnail(original.avatarUrl(), 96).onSuccess(bytes -> {
                    if (chosenAvatar == null && !removeAvatar) {
                        avatarPreview.set(bytes);
                    }
                }).start();
            }
        }

        userIdProblem = Bindings.createStringBinding(this::computeUserIdProblem, localpart, availability);
        userIdNote = Bindings.createStringBinding(this::computeUserIdNote, localpart, availability);
        displayNameProblem = Bindings.createStringBinding(() -> displayName.get().length() > MAX_DISPLAY_NAME
                ? tr("edit.display.too.long") : "", displayName);
        displayNameNote = Bindings.createStringBinding(() -> TextSafety.hasHidden(displayName.get())
                ? tr("edit.display.hidden", TextSafety.visible(displayName.get())) : "", displayName);
        canSave = busy.not()
                .and(Bindings.createBooleanBinding(() -> userIdProblem.get().isEmpty(), userIdProblem))
                .and(Bindings.createBooleanBinding(() -> displayNameProblem.get().isEmpty(), displayNameProblem))
                .and(password.acceptableProperty())
                .and(outcome.unconfirmedProperty().not());

        localpart.addListener((obs, old, now) -> scheduleAvailability());
        newEmail.addListener((obs, old, now) -> {
            emailProblem.set("");
            conflictHolder.set("");
        });
        newProvider.addListener((obs, old, now) -> {
            externalIdProblem.set("");
            conflictHolder.set("");
        });
        newExternalId.addListener((obs, old, now) -> {
            externalIdProblem.set("");
            conflictHolder.set("");
        });
    }

    public boolean isCreate() {
        return original == null;
    }

    /** The user ID the dialog creates or edits, as it will be sent. */
    public String getUserId() {
        return isCreate() ? UserId.fromInput(localpart.get(), serverName).toString() : original.userId();
    }

    private String typedLocalpart() {
        String value = localpart.get() == null ? "" : localpart.get().strip();
        if (value.startsWith("@")) {
            int colon = value.indexOf(':');
            value = colon > 0 ? value.substring(1, colon) : value.substring(1);
        }
        return value;
    }

    private String computeUserIdProblem() {
        if (!isCreate()) {
            return "";
        }
        String typed = localpart.get() == null ? "" : localpart.get().strip();
        if (typed.startsWith("@") && typed.contains(":") && !typed.substring(typed.indexOf(':') + 1).equalsIgnoreCase(serverName)) {
            return tr("edit.user.problem.other.server", serverName);
        }
        List<UserId.Problem> problems = UserId.checkNewLocalpart(typedLocalpart(), serverName);
        if (!problems.isEmpty()) {
            return tr("edit.user.problem." + problems.get(0).name().toLowerCase(Locale.ROOT).replace('_', '.'));
        }
        return switch (availability.get()) {
            case TAKEN -> tr("edit.user.taken");
            case RESERVED -> tr("edit.user.reserved");
            default -> "";
        };
    }

    private String computeUserIdNote() {
        if (!isCreate() || !computeUserIdProblem().isEmpty()) {
            return "";
        }
        String typed = typedLocalpart();
        if (typed.isEmpty()) {
            return "";
        }
        String lowered = typed.toLowerCase(Locale.ROOT);
        return switch (availability.get()) {
            case CHECKING -> tr("edit.user.checking");
            case AVAILABLE -> lowered.equals(typed) ? tr("edit.user.available", lowered + ":" + serverName)
                    : tr("edit.user.lowered", "@" + lowered + ":" + serverName);
            default -> lowered.equals(typed) ? "" : tr("edit.user.lowered", "@" + lowered + ":" + serverName);
        };
    }

    private void scheduleAvailability() {
        if (!isCreate()) {
            return;
        }
        availabilityCheck.cancel();
        LatestRequest.Ticket ticket = availabilityRequest.next();
        String lowered = typedLocalpart().toLowerCase(Locale.ROOT);
        if (!UserId.checkNewLocalpart(lowered, serverName).isEmpty()) {
            availability.set(Availability.UNKNOWN);
            return;
        }
        availability.set(Availability.CHECKING);
        availabilityCheck = service.executor().schedule(AVAILABILITY_DELAY_MS, ticket.ifCurrent(() ->
                availabilityCheck = service.isUsernameAvailable(lowered)
                        .onSuccess(ticket.ifCurrent(free ->
                                availability.set(free ? Availability.AVAILABLE : Availability.TAKEN)))
                        .onFailure(ticket.ifCurrent(e ->
                                availability.set(e.errcode().filter("M_EXCLUSIVE"::equals).isPresent()
                                        ? Availability.RESERVED : Availability.UNKNOWN)))
                        .start()));
    }

    // ---- emails and identities -------------------------------------------------------------------------------

    /** Adds the typed email to the list (sent on save); refuses malformed and duplicate addresses. */
    public boolean addEmail() {
        String address = newEmail.get() == null ? "" : newEmail.get().strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(address).matches()) {
            emailProblem.set(tr("edit.email.invalid"));
            return false;
        }
        if (emails.stream().anyMatch(e -> e.equalsIgnoreCase(address))) {
            emailProblem.set(tr("edit.email.duplicate"));
            return false;
        }
        emails.add(address);
        newEmail.set("");
        if (holders != null) {
            checksRunning++;
            holders.email(address, isCreate() ? null : original.userId(), conflict -> {
                emails.remove(address);
                newEmail.set(address);
                emailProblem.set(tr("conflict.email", address, conflict.holderUserId()));
                conflictHolder.set(conflict.holderUserId());
            }, () -> checksRunning--);
        }
        return true;
    }

    /**
     * Looks up, as each email or SSO identity is added, whether another account holds it, and names that account
     * instead of letting Synapse move the email or refuse the identity with a bare conflict.
     */
    public void checkHoldersWith(app.registrar.ui.conflicts.HolderCheck check, Consumer<String> openOtherAccount) {
        this.holders = check;
        this.openAccount = openOtherAccount;
    }

    /** Opens the account that holds what the admin tried to add. */
    public void openConflictHolder() {
        if (!conflictHolder.get().isEmpty()) {
            openAccount.accept(conflictHolder.get());
        }
    }

    public ReadOnlyStringProperty conflictHolderProperty() {
        return conflictHolder.getReadOnlyProperty();
    }

    public void removeEmail(String address) {
        emails.remove(address);
    }

    public boolean addExternalId() {
        String provider = newProvider.get() == null ? "" : newProvider.get().strip();
        String id = newExternalId.get() == null ? "" : newExternalId.get().strip();
        if (provider.isEmpty() || id.isEmpty()) {
            externalIdProblem.set(tr("edit.sso.incomplete"));
            return false;
        }
        ExternalId added = new ExternalId(provider, id);
        if (!externalIds.contains(added)) {
            externalIds.add(added);
        }
        newProvider.set("");
        newExternalId.set("");
        if (holders != null) {
            checksRunning++;
            holders.externalId(added, isCreate() ? null : original.userId(), conflict -> {
                externalIds.remove(added);
                newProvider.set(provider);
                newExternalId.set(id);
                externalIdProblem.set(tr("conflict.sso", provider, id, conflict.holderUserId()));
                conflictHolder.set(conflict.holderUserId());
            }, () -> checksRunning--);
        }
        return true;
    }

    public void removeExternalId(ExternalId id) {
        externalIds.remove(id);
    }

    // ---- avatar ----------------------------------------------------------------------------------------------

    /** Lets the admin pick a picture; it is uploaded when the dialog saves. */
    public void chooseAvatar() {
        dialogs.chooseImage().ifPresent(this::useAvatarFile);
    }

    void useAvatarFile(Path file) {
        avatarProblem.set("");
        service.readPicture(file, MAX_AVATAR_BYTES)
                .onSuccess(read -> {
                    if (read.isEmpty()) {
                        avatarProblem.set(tr("edit.avatar.too.large"));
                        return;
                    }
                    byte[] bytes = read.get();
                    String type = ImageTypes.detect(bytes);
                    if (type == null) {
                        avatarProblem.set(tr("edit.avatar.not.image"));
                        return;
                    }
                    chosenAvatar = bytes;
                    chosenAvatarType = type;
                    chosenAvatarName = file.getFileName().toString();
                    removeAvatar = false;
                    avatarPreview.set(bytes);
                })
                // A file that cannot be read is not "not a picture": say what happened to it.
                .onFailure(e -> avatarProblem.set(ErrorMessages.describe(e).summary()))
                .start();
    }

    public void removeAvatar() {
        chosenAvatar = null;
        removeAvatar = true;
        avatarPreview.set(null);
    }

    /** Whether the account has (or will have) a picture. */
    public boolean hasAvatar() {
        return chosenAvatar != null || (!removeAvatar && original != null && original.avatarUrl() != null
                && !original.avatarUrl().isEmpty());
    }

    /** Forgets every password typed or generated; called when the dialog closes. */
    public void clearSecrets() {
        password.clear();
    }

    // ---- save ------------------------------------------------------------------------------------------------

    /** Creates or saves; the dialog stays open until the server accepted it, and nothing typed is lost on failure. */
    public void save() {
        // An email or SSO identity is still being looked up: saving now could move it from another account.
        if (!canSave.get() || checksRunning > 0) {
            return;
        }
        if (isCreate() && password.isEmpty()) {
            return;
        }
        boolean granting = admin.get() && (original == null || !original.admin());
        if (granting && !dialogs.confirm(new Confirmation(tr("edit.admin.confirm.title"),
                tr("edit.admin.confirm.header", getUserId()), tr("edit.admin.confirm.text"),
                tr("edit.admin.confirm.action"), tr("edit.admin.confirm.cancel"), false))) {
            return;
        }
        boolean removingName = !isCreate() && displayName.get().isBlank()
                && original.displayName() != null && !original.displayName().isBlank();
        if (removingName && !dialogs.confirm(new Confirmation(tr("edit.display.remove.title"),
                tr("edit.display.remove.header", getUserId()), tr("edit.display.remove.text"),
                tr("edit.display.remove.action"), tr("edit.display.remove.cancel"), false))) {
            return;
        }
        if (!isCreate() && original.admin() && !admin.get() && original.userId().equals(ownUserId)) {
            error.set(new ErrorReport(tr("edit.demote.self"), tr("edit.demote.self.next"), ""));
            return;
        }
        error.set(null);
        busy.set(true);
        if (chosenAvatar != null) {
            service.uploadAvatar(chosenAvatar, chosenAvatarType, chosenAvatarName)
                    .onSuccess(this::send)
                    .onFailure(e -> {
                        error.set(ErrorMessages.describe(e));
                        busy.set(false);
                    })
                    .start();
        } else {
            send(null);
        }
    }

    private void send(String uploadedAvatar) {
        UserUpdate update = new UserUpdate();
        String name = displayName.get().strip();
        if (isCreate()) {
            if (!name.isEmpty()) {
                update.displayName(name);
            }
            update.password(password.get());
            update.admin(admin.get());
            if (userType.get() != null) {
                update.userType(userType.get());
            }
            if (uploadedAvatar != null) {
                update.avatarUrl(uploadedAvatar);
            }
            List<Threepid> threepids = emails.stream().map(Threepid::email).toList();
            if (!threepids.isEmpty()) {
                update.threepids(threepids);
            }
            if (!externalIds.isEmpty()) {
                update.externalIds(List.copyOf(externalIds));
            }
            service.createUser(getUserId(), update)
                    .onSuccess(this::saved)
                    .onFailure(this::failed)
                    .andFinally(this::idleUnlessReadingBack)
                    .start();
            return;
        }
        String before = original.displayName() == null ? "" : original.displayName();
        if (!name.equals(before)) {
            if (name.isEmpty()) {
                update.removeDisplayName();
            } else {
                update.displayName(name);
            }
        }
        if (!password.isEmpty()) {
            update.password(password.get()).logoutDevices(false);
        }
        if (admin.get() != original.admin()) {
            update.admin(admin.get());
        }
        if (!Objects.equals(userType.get(), original.userType())) {
            update.userType(userType.get());
        }
        if (uploadedAvatar != null) {
            update.avatarUrl(uploadedAvatar);
        } else if (removeAvatar && original.avatarUrl() != null) {
            update.removeAvatar();
        }
        List<String> before2 = original.emails().stream().map(Threepid::address).toList();
        List<String> toAdd = emails.stream().filter(e -> before2.stream().noneMatch(e::equalsIgnoreCase)).toList();
        List<String> toRemove = before2.stream().filter(e -> emails.stream().noneMatch(e::equalsIgnoreCase)).toList();
        List<ExternalId> idsToAdd = new ArrayList<>(externalIds);
        idsToAdd.removeAll(original.externalIds());
        List<ExternalId> idsToRemove = new ArrayList<>(original.externalIds());
        idsToRemove.removeAll(externalIds);
        if (update.isEmpty() && toAdd.isEmpty() && toRemove.isEmpty() && idsToAdd.isEmpty() && idsToRemove.isEmpty()) {
            busy.set(false);
            dialogs.notify(tr("edit.nothing.changed"));
            closeRequested.set(true);
            return;
        }
        service.saveUser(original.userId(), update, toAdd, toRemove, idsToAdd, idsToRemove)
                .onSuccess(this::saved)
                .onFailure(this::failed)
                .andFinally(this::idleUnlessReadingBack)
                .start();
    }

    private void saved(UserDetails result) {
        dialogs.notify(tr(isCreate() ? "edit.created" : "edit.saved", result.userId()));
        clearSecrets();
        onSaved.accept(result);
        closeRequested.set(true);
    }

    private void failed(MatrixApiException e) {
        if (e.category() == ErrorCategory.CONFLICT && isCreate()) {
            availability.set(e.errcode().filter("M_EXCLUSIVE"::equals).isPresent() ? Availability.RESERVED : Availability.TAKEN);
        }
        ErrorReport report = ErrorMessages.describe(e);
        error.set(report);
        if (e.category() == ErrorCategory.NETWORK || e.category() == ErrorCategory.TIMEOUT) {
            checkOutcome(report);
        }
    }

    /**
     * The answer was lost, so the change may or may not have happened: read the account back and say which,
     * instead of sending anything again.
     */
    private void checkOutcome(ErrorReport lost) {
        readingBack = true;
        busy.set(true);
        service.findUser(getUserId())
                .onSuccess(found -> {
                    outcome.settled();
                    if (isCreate() && found.isPresent()) {
                        error.set(null);
                        saved(found.get());
                    } else {
                        error.set(new ErrorReport(tr(isCreate() ? "edit.unknown.create.not" : "edit.unknown.edit"),
                                tr("edit.unknown.next"), lost.details()));
                    }
                })
                .onFailure(e -> {
                    // Still unknown: Save stays disabled until "Check again" reads the account.
                    error.set(OutcomeCheck.report(e));
                    if (outcome.isUnconfirmed()) {
                        outcome.stillUnknown();
                    } else {
                        outcome.unknown(() -> checkOutcome(lost));
                    }
                })
                .andFinally(() -> {
                    readingBack = false;
                    busy.set(false);
                })
                .start();
    }

    private void idleUnlessReadingBack() {
        if (!readingBack) {
            busy.set(false);
        }
    }

    /** Reads the account again after a save whose outcome could not be confirmed. */
    public void checkAgain() {
        outcome.checkAgain();
    }

    public OutcomeCheck getOutcome() {
        return outcome;
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public StringProperty localpartProperty() {
        return localpart;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public NewPasswordViewModel getPassword() {
        return password;
    }

    public StringProperty newEmailProperty() {
        return newEmail;
    }

    public StringProperty newProviderProperty() {
        return newProvider;
    }

    public StringProperty newExternalIdProperty() {
        return newExternalId;
    }

    public BooleanProperty adminProperty() {
        return admin;
    }

    public ObjectProperty<String> userTypeProperty() {
        return userType;
    }

    public ObservableList<String> getEmails() {
        return emails;
    }

    public ObservableList<ExternalId> getExternalIds() {
        return externalIds;
    }

    public ReadOnlyObjectProperty<byte[]> avatarPreviewProperty() {
        return avatarPreview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty avatarProblemProperty() {
        return avatarProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emailProblemProperty() {
        return emailProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty externalIdProblemProperty() {
        return externalIdProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Availability> availabilityProperty() {
        return availability.getReadOnlyProperty();
    }

    public StringBinding userIdProblemProperty() {
        return userIdProblem;
    }

    public StringBinding userIdNoteProperty() {
        return userIdNote;
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

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    public ReadOnlyBooleanProperty closeRequestedProperty() {
        return closeRequested.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ErrorReport getError() {
        return error.get();
    }

    public PasswordPolicy getPolicy() {
        return policy;
    }

    public String getServerName() {
        return serverName;
    }
}
