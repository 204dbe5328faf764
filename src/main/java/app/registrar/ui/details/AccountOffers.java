package app.registrar.ui.details;

import app.registrar.api.UserDetails;

/**
 * Which actions the shown account offers and which can be used: a deactivated account offers Reactivate instead of
 * Deactivate, and nothing else until it is back; each toggle names what it will do. Suspend and shadow-ban (and the
 * room count) are Synapse's: {@code synapseTasks} is false when the session cannot reach Synapse's admin API (a MAS
 * client signed in with ID and secret), and they are not offered then. The view only lays these out.
 */
public record AccountOffers(boolean reactivate, boolean usable, String lockKey, String suspendKey, String shadowBanKey,
                            boolean synapseTasks) {

    static AccountOffers of(UserDetails user) {
        return of(user, true);
    }

    static AccountOffers of(UserDetails user, boolean synapseTasks) {
        return new AccountOffers(user.deactivated(), !user.deactivated(),
                user.locked() ? "details.unlock" : "details.lock",
                user.suspended() ? "details.unsuspend" : "details.suspend",
                user.shadowBanned() ? "details.unshadowban" : "details.shadowban", synapseTasks);
    }
}
