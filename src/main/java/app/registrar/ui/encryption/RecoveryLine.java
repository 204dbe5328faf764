package app.registrar.ui.encryption;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ExternalId;
import app.registrar.api.UserDetails;
import app.registrar.service.SecurityService.RecoveryOptions;

/** The one sentence saying whether a person can get back into their account without an admin. */
public final class RecoveryLine {

    private RecoveryLine() {
    }

    /**
     * SSO accounts first (their provider owns the password); on a server that keeps no passwords, its sign-in
     * service; then a reset by email when the account has an address and the server can send the mail, else only
     * an admin can help.
     */
    public static String describe(UserDetails user, RecoveryOptions options, boolean passwordsManagedHere) {
        if (!user.externalIds().isEmpty()) {
            ExternalId first = user.externalIds().get(0);
            String name = options.identityProviders().getOrDefault(first.authProvider(), first.authProvider());
            return tr("recovery.sso", name);
        }
        if (!passwordsManagedHere) {
            // MAS or an SSO-only server keeps no passwords here: its own sign-in service decides how people recover.
            return tr("recovery.elsewhere");
        }
        if (!user.emails().isEmpty() && options.resetMailPossible()) {
            return tr("recovery.email", mask(user.emails().get(0).address()));
        }
        return tr("recovery.admin.only");
    }

    /** {@code alice@example.org} → {@code a…@example.org}: enough to recognise, not to copy. */
    static String mask(String address) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return "…";
        }
        return address.substring(0, address.offsetByCodePoints(0, 1)) + "…" + address.substring(at);
    }
}
