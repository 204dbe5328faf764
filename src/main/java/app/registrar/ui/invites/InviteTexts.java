package app.registrar.ui.invites;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.RegistrationToken;
import app.registrar.ui.common.Formats;
import java.time.Instant;
import java.util.function.Supplier;

/** What the invitations screen says about a token: its uses and expiry, whether it still works, and the invite. */
final class InviteTexts {

    private final String serverName;
    private final String serverAddress;
    private final Supplier<Instant> clock;

    InviteTexts(String serverName, String serverAddress, Supplier<Instant> clock) {
        this.serverName = serverName;
        this.serverAddress = serverAddress;
        this.clock = clock;
    }

    /**
     * The plain message for the invited person: where to sign up, the token, and the steps — in their Matrix app,
     * or on the server's sign-up page when it has one ({@code signUpPage}, MAS's; null for none), then in the app
     * with the server address.
     */
    String inviteText(RegistrationToken token, String signUpPage) {
        String limits = tr("invites.text.limits", usesLeftText(token),
                token.expiresAt() == null ? tr("invites.text.no.end") : Formats.dateTime(token.expiresAt()));
        return signUpPage == null ? tr("invites.text", serverName, serverAddress, token.token(), limits)
                : tr("invites.text.web", serverName, signUpPage, token.token(), limits, serverAddress);
    }

    /** "3 of 5 left", "unlimited": for the list and the invite text. */
    String usesText(RegistrationToken token) {
        if (token.usesAllowed() == null) {
            return tr("invites.uses.unlimited", token.completed());
        }
        String used = tr("invites.uses.limited", token.completed(), token.usesAllowed());
        return token.pending() == 0 ? used : used + " " + tr("invites.uses.pending", token.pending());
    }

    private String usesLeftText(RegistrationToken token) {
        if (token.usesAllowed() == null) {
            return tr("invites.text.any.number");
        }
        return tr("invites.text.left", Math.max(0, token.usesAllowed() - token.completed() - token.pending()));
    }

    String expiryText(RegistrationToken token) {
        if (token.expiresAt() == null) {
            return tr("invites.expiry.never");
        }
        String when = Formats.dateTime(token.expiresAt());
        return token.expiresAt().isAfter(clock.get()) ? when : tr("invites.expiry.past", when);
    }

    /** Whether a person could still sign up with it now. */
    boolean isUsable(RegistrationToken token) {
        boolean timeLeft = token.expiresAt() == null || token.expiresAt().isAfter(clock.get());
        boolean usesLeft = token.usesAllowed() == null || token.completed() + token.pending() < token.usesAllowed();
        return timeLeft && usesLeft;
    }
}
