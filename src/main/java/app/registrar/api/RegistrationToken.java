package app.registrar.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An invitation token that lets someone register on a server with open registration switched off. */
public record RegistrationToken(String token, Integer usesAllowed, int pending, int completed, Instant expiresAt) {

    @JsonCreator
    static RegistrationToken fromJson(@JsonProperty("token") String token,
                                      @JsonProperty("uses_allowed") Integer usesAllowed,
                                      @JsonProperty("pending") int pending,
                                      @JsonProperty("completed") int completed,
                                      @JsonProperty("expiry_time") Long expiryMillis) {
        return new RegistrationToken(token, usesAllowed, pending, completed, Times.millis(expiryMillis));
    }
}
