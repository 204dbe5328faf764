package app.registrar.ui.deactivate;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.CleanupApi.RedactStatus;
import app.registrar.api.CleanupApi;
import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.api.RemovalPreview;
import app.registrar.bulk.ProgressRelay;
import app.registrar.service.CleanupService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.Formats;
import app.registrar.ui.common.LeftBehindTicks;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * The two ticks of deactivation for spam and abuse, each with its preview: remove every message the account sent
 * (Synapse's redact task, counted first, followed through its status) and delete the media it uploaded (the
 * removal preview's count and size). Both run before the deactivation, as the redactions are sent as the account,
 * which must still be in its rooms.
 */
public final class LeftBehindViewModel extends LeftBehindTicks {

    private final CleanupService service;
    private final String userId;
    /** The count made after the tick, null until it is in (or when it failed). */
    private CleanupService.MessagePreview messageCount;

    LeftBehindViewModel(CleanupService service, String userId, ReadOnlyObjectProperty<RemovalPreview> removal) {
        super(Bindings.createStringBinding(() -> {
            RemovalPreview p = removal.get();
            return p == null ? "" : tr("deactivate.media.preview", p.mediaCount(), Formats.bytes(p.mediaBytes()));
        }, removal));
        this.service = service;
        this.userId = userId;
    }

    @Override
    protected void countMessages() {
        showMessages(tr("deactivate.redact.counting"));
        service.messagePreview(userId)
                .onSuccess(p -> {
                    messageCount = p;
                    showMessages(tr(p.atLimit() ? "deactivate.redact.preview.limit"
                            : "deactivate.redact.preview", p.messages(), p.rooms(), CleanupApi.REDACT_LIMIT));
                })
                .onFailure(e -> showMessages(tr("deactivate.redact.preview.failed",
                        ErrorMessages.describe(e).message())))
                .start();
    }

    /** Whether anything is to be removed before the deactivation. */
    boolean anythingTicked() {
        return redactProperty().get() || deleteMediaProperty().get();
    }

    /**
     * Removes what was ticked — messages first, then media — saying each step through {@code progress}, then runs
     * {@code then} with a note for the admin (empty, or which messages could not be removed). A failure stops here:
     * nothing is deactivated.
     */
    void run(Consumer<String> progress, Consumer<String> then, Consumer<MatrixApiException> failed) {
        if (!redactProperty().get()) {
            removeMedia(progress, "", then, failed);
            return;
        }
        // Synapse's redact status says only "scheduled", "active" or "complete" (and, once complete, which events
        // failed): no count while it runs. So the admin sees what was counted beforehand and how long it has taken.
        long started = System.nanoTime();
        CleanupService.MessagePreview count = messageCount;
        progress.accept(RedactProgress.running(count, 0));
        service.redactMessages(userId, new ProgressRelay<RedactStatus>(service.executor(),
                        status -> progress.accept(RedactProgress.running(count,
                                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)))))
                .onSuccess(status -> {
                    if (status.state() == CleanupApi.RedactState.FAILED) {
                        failed.accept(MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE,
                                "the server's redaction failed: " + status.error()));
                        return;
                    }
                    progress.accept(RedactProgress.finished(count, status));
                    String note = status.failedRedactions().isEmpty() ? ""
                            : tr("deactivate.redact.some.failed", status.failedRedactions().size());
                    removeMedia(progress, note, then, failed);
                })
                .onFailure(failed::accept)
                .start();
    }

    private void removeMedia(Consumer<String> progress, String note, Consumer<String> then,
                             Consumer<MatrixApiException> failed) {
        if (!deleteMediaProperty().get()) {
            then.accept(note);
            return;
        }
        progress.accept(tr("deactivate.deleting.media"));
        service.deleteMedia(userId).onSuccess(count -> then.accept(note)).onFailure(failed::accept).start();
    }

}
