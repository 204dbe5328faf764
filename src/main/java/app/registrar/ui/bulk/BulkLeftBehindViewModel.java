package app.registrar.ui.bulk;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.CleanupApi;
import app.registrar.bulk.BulkService;
import app.registrar.bulk.JobControl;
import app.registrar.bulk.LeftBehind;
import app.registrar.bulk.ProgressRelay;
import app.registrar.bulk.SelectionMessages;
import app.registrar.bulk.SelectionRemovalPreview.Totals;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.Formats;
import app.registrar.ui.common.LeftBehindTicks;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * The spam and abuse ticks of a bulk deactivation, as on a single one: remove every message the selected accounts
 * sent (counted over the selection once ticked, one account at a time) and delete the media they uploaded (the
 * selection's removal sums). The run removes both from each account before deactivating it.
 */
public final class BulkLeftBehindViewModel extends LeftBehindTicks {

    private final BulkService service;
    private final List<String> userIds;
    private JobControl counting;

    BulkLeftBehindViewModel(BulkService service, List<String> userIds, ReadOnlyObjectProperty<Totals> removal) {
        super(Bindings.createStringBinding(() -> {
            Totals sums = removal.get();
            if (sums == null) {
                return tr("bulk.media.preview.reading");
            }
            String files = tr("deactivate.media.preview", sums.mediaCount(), Formats.bytes(sums.mediaBytes()));
            return sums.read() < sums.accounts() ? tr("bulk.preview.partial", files, sums.read(), sums.accounts()) : files;
        }, removal));
        this.service = service;
        this.userIds = List.copyOf(userIds);
    }

    @Override
    protected void countMessages() {
        JobControl job = new JobControl();
        counting = job;
        showMessages(tr("bulk.redact.counting", 0, userIds.size()));
        service.countMessages(userIds, job, new ProgressRelay<SelectionMessages.Totals>(service.executor(),
                        sums -> showMessages(tr("bulk.redact.counting", sums.read(), sums.accounts()))))
                .onSuccess(this::counted)
                .onFailure(e -> showMessages(tr("deactivate.redact.preview.failed",
                        ErrorMessages.describe(e).message())))
                .start();
    }

    private void counted(SelectionMessages.Totals sums) {
        String text = tr(sums.atLimit() ? "deactivate.redact.preview.limit" : "deactivate.redact.preview",
                sums.messages(), sums.rooms(), CleanupApi.REDACT_LIMIT);
        if (sums.cancelled() || sums.failed() > 0) {
            text += " " + tr("bulk.redact.partial", sums.read() - sums.failed(), sums.accounts());
        }
        showMessages(text);
    }

    /** Stops counting (the dialog closed). */
    public void cancel() {
        if (counting != null) {
            counting.cancel();
        }
    }

    /** What the run removes from each account before deactivating it. */
    public LeftBehind chosen() {
        return new LeftBehind(redactProperty().get(), deleteMediaProperty().get());
    }

}
