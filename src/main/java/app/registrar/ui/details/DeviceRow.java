package app.registrar.ui.details;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.Connection;
import app.registrar.api.Device;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A device of the shown account with what whois knows of its last connection. */
public record DeviceRow(String deviceId, String name, String lastIp, Instant lastSeen, String userAgent) {

    /** The devices, each with its connection's address and time where the device list lacks them, newest first. */
    static List<DeviceRow> merge(List<Device> devices, List<Connection> connections) {
        Map<String, Connection> byDevice = connections.stream().filter(c -> c.deviceId() != null)
                .collect(Collectors.toMap(Connection::deviceId, Function.identity(), (a, b) ->
                        a.lastSeenAt() != null && b.lastSeenAt() != null && a.lastSeenAt().isAfter(b.lastSeenAt()) ? a : b));
        return devices.stream().map(d -> {
            Connection c = byDevice.get(d.deviceId());
            return new DeviceRow(d.deviceId(),
                    d.displayName() == null || d.displayName().isBlank() ? tr("details.device.unnamed") : d.displayName(),
                    d.lastSeenIp() != null ? d.lastSeenIp() : c == null ? null : c.ip(),
                    d.lastSeenAt() != null ? d.lastSeenAt() : c == null ? null : c.lastSeenAt(),
                    d.lastSeenUserAgent() != null ? d.lastSeenUserAgent() : c == null ? null : c.userAgent());
        }).sorted((a, b) -> {
            if (a.lastSeen() == null) {
                return b.lastSeen() == null ? 0 : 1;
            }
            return b.lastSeen() == null ? -1 : b.lastSeen().compareTo(a.lastSeen());
        }).toList();
    }
}
