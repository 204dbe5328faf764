package app.registrar.ui.edituser;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ExternalId;
import app.registrar.ui.conflicts.HolderCheck;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An account's email addresses and single sign-on identities as edited in the dialog: added and removed one by
 * one here, sent on save. Malformed or duplicate entries are refused with a sentence, and what was typed stays.
 */
public final class ContactsInput {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ObservableList<String> emails = FXCollections.observableArrayList();
    private final ObservableList<ExternalId> externalIds = FXCollections.observableArrayList();
    private final StringProperty newEmail = new SimpleStringProperty("");
    private final StringProperty newProvider = new SimpleStringProperty("");
    private final StringProperty newExternalId = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper emailProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper externalIdProblem = new ReadOnlyStringWrapper("");
    /** The other account that holds an email or SSO identity the admin tried to add (issue 12), or "". */
    private final ReadOnlyStringWrapper conflictHolder = new ReadOnlyStringWrapper("");
    private final String ownerUserId;
    private HolderCheck holders;
    private Consumer<String> openAccount = id -> { };
    private int checksRunning;

    /** {@code ownerUserId} is the edited account, or null for a new one. */
    ContactsInput(String ownerUserId, List<String> initialEmails, List<ExternalId> initialIds) {
        this.ownerUserId = ownerUserId;
        emails.setAll(initialEmails);
        externalIds.setAll(initialIds);
        // Typing again clears the old complaint, never what was typed.
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

    /**
     * Looks up, as each email or SSO identity is added, whether another account holds it, and names that account
     * instead of letting Synapse move the email or refuse the identity with a bare conflict.
     */
    void checkHoldersWith(HolderCheck check, Consumer<String> openOtherAccount) {
        this.holders = check;
        this.openAccount = openOtherAccount;
    }

    /** True while an added email or identity is still being looked up: saving now could move it. */
    boolean isChecking() {
        return checksRunning > 0;
    }

    /** Opens the account that holds what the admin tried to add. */
    public void openConflictHolder() {
        if (!conflictHolder.get().isEmpty()) {
            openAccount.accept(conflictHolder.get());
        }
    }

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
            holders.email(address, ownerUserId, conflict -> {
                emails.remove(address);
                newEmail.set(address);
                emailProblem.set(tr("conflict.email", address, conflict.holderUserId()));
                conflictHolder.set(conflict.holderUserId());
            }, () -> checksRunning--);
        }
        return true;
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
            holders.externalId(added, ownerUserId, conflict -> {
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

    public ObservableList<String> getEmails() {
        return emails;
    }

    public ObservableList<ExternalId> getExternalIds() {
        return externalIds;
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

    public ReadOnlyStringProperty emailProblemProperty() {
        return emailProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty conflictHolderProperty() {
        return conflictHolder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty externalIdProblemProperty() {
        return externalIdProblem.getReadOnlyProperty();
    }
}
