package app.registrar.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** One account as {@code GET /_synapse/admin/v2/users/<id>} describes it. */
public record UserDetails(
        String userId,
        String displayName,
        String avatarUrl,
        List<Threepid> threepids,
        List<ExternalId> externalIds,
        boolean admin,
        boolean deactivated,
        boolean erased,
        boolean locked,
        boolean suspended,
        boolean shadowBanned,
        boolean guest,
        String userType,
        Instant createdAt,
        Instant lastSeenAt,
        String appserviceId,
        Boolean approved) {

    @JsonCreator
    static UserDetails fromJson(
            @JsonProperty("name") String name,
            @JsonProperty("displayname") String displayName,
            @JsonProperty("avatar_url") String avatarUrl,
            @JsonProperty("threepids") List<Threepid> threepids,
            @JsonProperty("external_ids") List<ExternalId> externalIds,
            @JsonProperty("admin") boolean admin,
            @JsonProperty("deactivated") boolean deactivated,
            @JsonProperty("erased") boolean erased,
            @JsonProperty("locked") boolean locked,
            @JsonProperty("suspended") boolean suspended,
            @JsonProperty("shadow_banned") boolean shadowBanned,
            @JsonProperty("is_guest") boolean guest,
            @JsonProperty("user_type") String userType,
            @JsonProperty("creation_ts") Long creationSeconds,
            @JsonProperty("last_seen_ts") Long lastSeenMillis,
            @JsonProperty("appservice_id") String appserviceId,
            @JsonProperty("approved") Boolean approved) {
        // This endpoint answers creation_ts in seconds, unlike the list.
        return new UserDetails(name, displayName, avatarUrl,
                threepids == null ? List.of() : List.copyOf(threepids),
                externalIds == null ? List.of() : List.copyOf(externalIds),
                admin, deactivated, erased, locked, suspended, shadowBanned, guest, userType,
                Times.seconds(creationSeconds), Times.millis(lastSeenMillis), appserviceId, approved);
    }

    public List<Threepid> emails() {
        return threepids.stream().filter(t -> "email".equals(t.medium())).toList();
    }
}
