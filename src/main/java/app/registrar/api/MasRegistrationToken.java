package app.registrar.api;

import java.time.Instant;

/**
 * A registration token as MAS keeps it: its own ID (which paths name), the token people type, how many may use it
 * and have used it, when it expires and when it was revoked.
 */
public record MasRegistrationToken(String id, String token, Integer usageLimit, int timesUsed, Instant expiresAt,
                                   Instant revokedAt) {

    /** The same token as the invites screen shows every server's: MAS counts finished sign-ups only. */
    public RegistrationToken toToken() {
        return new RegistrationToken(token, usageLimit, 0, timesUsed, expiresAt);
    }
}
