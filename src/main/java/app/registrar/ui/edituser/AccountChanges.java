package app.registrar.ui.edituser;

import app.registrar.api.ExternalId;
import app.registrar.api.Threepid;
import app.registrar.api.UserDetails;
import app.registrar.api.UserUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the dialog sends: for a new account everything given, for an existing one only what differs from the
 * account as it was read, with emails and SSO identities as single additions and removals (the server replaces
 * whole lists, so sending a list would drop what someone else added meanwhile).
 */
record AccountChanges(UserUpdate update, List<String> emailsToAdd, List<String> emailsToRemove,
                      List<ExternalId> idsToAdd, List<ExternalId> idsToRemove) {

    /** The dialog's fields, as typed, for one save; {@code password} is null when none was typed for an edit. */
    record Fields(String displayName, String password, boolean admin, String userType, String uploadedAvatar,
                  boolean removeAvatar, List<String> emails, List<ExternalId> externalIds) {

        @Override
        public String toString() {
            return "Fields[" + displayName + ", password " + (password == null ? "unchanged" : "(hidden)") + "]";
        }
    }

    static AccountChanges forCreate(Fields fields) {
        UserUpdate update = new UserUpdate();
        if (!fields.displayName().isEmpty()) {
            update.displayName(fields.displayName());
        }
        update.password(fields.password());
        update.admin(fields.admin());
        if (fields.userType() != null) {
            update.userType(fields.userType());
        }
        if (fields.uploadedAvatar() != null) {
            update.avatarUrl(fields.uploadedAvatar());
        }
        List<Threepid> threepids = fields.emails().stream().map(Threepid::email).toList();
        if (!threepids.isEmpty()) {
            update.threepids(threepids);
        }
        if (!fields.externalIds().isEmpty()) {
            update.externalIds(List.copyOf(fields.externalIds()));
        }
        return new AccountChanges(update, List.of(), List.of(), List.of(), List.of());
    }

    static AccountChanges forEdit(UserDetails original, Fields fields) {
        UserUpdate update = new UserUpdate();
        String before = original.displayName() == null ? "" : original.displayName();
        if (!fields.displayName().equals(before)) {
            if (fields.displayName().isEmpty()) {
                update.removeDisplayName();
            } else {
                update.displayName(fields.displayName());
            }
        }
        if (fields.password() != null) {
            update.password(fields.password()).logoutDevices(false);
        }
        if (fields.admin() != original.admin()) {
            update.admin(fields.admin());
        }
        if (!Objects.equals(fields.userType(), original.userType())) {
            update.userType(fields.userType());
        }
        if (fields.uploadedAvatar() != null) {
            update.avatarUrl(fields.uploadedAvatar());
        } else if (fields.removeAvatar()) {
            update.removeAvatar();
        }
        List<String> had = original.emails().stream().map(Threepid::address).toList();
        List<String> emails = fields.emails();
        List<String> toAdd = emails.stream().filter(e -> had.stream().noneMatch(e::equalsIgnoreCase)).toList();
        List<String> toRemove = had.stream().filter(e -> emails.stream().noneMatch(e::equalsIgnoreCase)).toList();
        List<ExternalId> idsToAdd = new ArrayList<>(fields.externalIds());
        idsToAdd.removeAll(original.externalIds());
        List<ExternalId> idsToRemove = new ArrayList<>(original.externalIds());
        idsToRemove.removeAll(fields.externalIds());
        return new AccountChanges(update, toAdd, toRemove, List.copyOf(idsToAdd), List.copyOf(idsToRemove));
    }

    boolean isEmpty() {
        return update.isEmpty() && emailsToAdd.isEmpty() && emailsToRemove.isEmpty() && idsToAdd.isEmpty()
                && idsToRemove.isEmpty();
    }
}
