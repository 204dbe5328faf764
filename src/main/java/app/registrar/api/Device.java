package app.registrar.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A device (a signed-in session of a Matrix client) of an account. */
public record Device(String deviceId, String displayName, String lastSeenIp, Instant lastSeenAt, String lastSeenUserAgent) {

    @JsonCreator
    static Device fromJson(@JsonProperty("device_id") String deviceId,
                           @JsonProperty("display_name") String displayName,
                           @JsonProperty("last_seen_ip") String lastSeenIp,
                           @JsonProperty("last_seen_ts") Long lastSeenMillis,
                           @JsonProperty("last_seen_user_agent") String lastSeenUserAgent) {
        return new Device(deviceId, displayName, lastSeenIp, Times.millis(lastSeenMillis), lastSeenUserAgent);
    }
}
