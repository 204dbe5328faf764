package app.registrar.api;

import java.util.Objects;

/** An access token. Its {@link #toString()} never shows the value, so it cannot slip into a log line. */
public final class AccessToken {

    private final String value;

    public AccessToken(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an access token cannot be empty");
        }
        this.value = value.strip();
    }

    /** The raw value, for the Authorization header and the keychain only. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccessToken token && token.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}
