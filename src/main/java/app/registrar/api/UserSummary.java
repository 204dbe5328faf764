package app.registrar.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One row of the account list, as {@code GET /_synapse/admin/v2/users} returns it. */
public record UserSummary(
        String userId,
        String displayName,
        String avatarUrl,
        boolean guest,
        boolean admin,
        String userType,
        boolean deactivated,
        boolean erased,
        boolean shadowBanned,
        boolean locked,
        Instant createdAt,
        Instant lastSeenAt) {

    @JsonCreator
    static UserSummary fromJson(
            @JsonProperty("name") String name,
            @JsonProperty("displayname") String displayName,
            @JsonProperty("avatar_url") String avatarUrl,
            @JsonProperty("is_guest") boolean guest,
            @JsonProperty("admin") boolean admin,
            @JsonProperty("user_type") String userType,
            @JsonProperty("deactivated") boolean deactivated,
            @JsonProperty("erased") boolean erased,
            @JsonProperty("shadow_banned") boolean shadowBanned,
            @JsonProperty("locked") boolean locked,
            @JsonProperty("creation_ts") Long creationMillis,
            @JsonProperty("last_seen_ts") Long lastSeenMillis) {
        // The list answers creation_ts in milliseconds (the single-user endpoint uses seconds).
        return new UserSummary(name, displayName, avatarUrl, guest, admin, userType, deactivated, erased,
                shadowBanned, locked, Times.millis(creationMillis), Times.millis(lastSeenMillis));
    }
}
