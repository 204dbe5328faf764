package app.registrar.api;

import java.time.Instant;

/** Synapse mixes seconds and milliseconds between endpoints; these name the unit at each use. */
final class Times {

    private Times() {
    }

    static Instant millis(Long value) {
        return value == null || value <= 0 ? null : Instant.ofEpochMilli(value);
    }

    static Instant seconds(Long value) {
        return value == null || value <= 0 ? null : Instant.ofEpochSecond(value);
    }
}
