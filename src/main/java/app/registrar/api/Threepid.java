package app.registrar.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Locale;

/** A third-party identifier on an account: an email address or phone number. */
public record Threepid(String medium, String address, Instant addedAt, Instant validatedAt) {

    public static Threepid email(String address) {
        return new Threepid("email", address.strip().toLowerCase(Locale.ROOT), null, null);
    }

    @JsonCreator
    static Threepid fromJson(@JsonProperty("medium") String medium, @JsonProperty("address") String address,
                             @JsonProperty("added_at") Long addedAt, @JsonProperty("validated_at") Long validatedAt) {
        return new Threepid(medium, address, Times.millis(addedAt), Times.millis(validatedAt));
    }

    /** Same medium and address; Synapse stores email addresses in lower case. */
    public boolean sameAs(Threepid other) {
        return medium.equals(other.medium) && address.equalsIgnoreCase(other.address);
    }
}
