package app.registrar.api;

import java.time.Instant;

/** One connection Synapse remembers for an account ({@code whois}): the device, address and client used. */
public record Connection(String deviceId, String ip, Instant lastSeenAt, String userAgent) {
}
