package app.registrar.api;

import java.time.Instant;

/**
 * An account as Matrix Authentication Service keeps it.
 *
 * @param id              MAS's own ID (a ULID); every admin API path uses it, not the Matrix user ID
 * @param username        the localpart: {@code @username:server} on Matrix
 * @param admin           may request admin rights when signing in ({@code can_request_admin}); this is not
 *                        Synapse's admin flag
 * @param lockedAt        when locked, or null; deactivated accounts are locked too
 * @param deactivatedAt   when deactivated, or null
 */
public record MasUser(String id, String username, Instant createdAt, Instant lockedAt, Instant deactivatedAt,
                      boolean admin, boolean legacyGuest) {

    public boolean locked() {
        return lockedAt != null;
    }

    public boolean deactivated() {
        return deactivatedAt != null;
    }

    public String matrixId(String serverName) {
        return "@" + username + ":" + serverName;
    }
}
