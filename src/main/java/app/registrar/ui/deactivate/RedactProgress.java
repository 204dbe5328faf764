package app.registrar.ui.deactivate;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.CleanupApi.RedactStatus;
import app.registrar.service.CleanupService.MessagePreview;

/**
 * What the admin is told while Synapse redacts an account's messages. Synapse's redact status
 * ({@code GET /_synapse/admin/v1/user/redact_status/<id>}) answers only "scheduled", "active" or "complete", and once
 * complete the events it could not redact: it gives no count while it runs. So the line says what was counted before
 * (the preview) and how long the server has been at it, and at the end how many of the counted messages went.
 */
public final class RedactProgress {

    private RedactProgress() {
    }

    /** While the server works: the counted messages (when counted) and the seconds so far. */
    public static String running(MessagePreview count, long seconds) {
        return count == null ? tr("deactivate.redacting.uncounted", seconds)
                : tr("deactivate.redacting.counted", count.messages(), count.rooms(), seconds);
    }

    /** Once the server is done: how many of the counted messages were removed, or how many could not be. */
    public static String finished(MessagePreview count, RedactStatus status) {
        int failed = status.failedRedactions().size();
        if (count == null) {
            return failed == 0 ? tr("deactivate.redacted.uncounted") : tr("deactivate.redact.some.failed", failed);
        }
        return tr("deactivate.redacted", Math.max(0, count.messages() - failed), count.messages());
    }
}
