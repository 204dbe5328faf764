package app.registrar.ui.details;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.Formats;
import java.util.List;

/**
 * What signing one device out takes away, for its confirmation: which session (name, device ID, when and from where
 * it was last used), and whether the person keeps other devices or is signed out everywhere.
 */
final class DeviceSignOutPreview {

    private DeviceSignOutPreview() {
    }

    static String describe(DeviceRow device, List<DeviceRow> all) {
        StringBuilder text = new StringBuilder(tr("details.device.remove.preview", device.name(), device.deviceId(),
                Formats.ago(device.lastSeen())));
        if (device.lastIp() != null || device.userAgent() != null) {
            text.append(' ').append(tr("details.device.remove.preview.from",
                    device.lastIp() == null ? "?" : device.lastIp(),
                    device.userAgent() == null ? "?" : device.userAgent()));
        }
        long others = all.stream().filter(d -> !d.deviceId().equals(device.deviceId())).count();
        text.append(' ').append(others == 0 ? tr("details.device.remove.preview.last")
                : tr("details.device.remove.preview.others", others));
        return text.toString();
    }
}
