package app.registrar.bulk;

import app.registrar.api.CleanupApi;
import app.registrar.api.MatrixApiException;
import app.registrar.service.CleanupService;
import java.util.List;
import java.util.function.Consumer;

/**
 * How many messages the selected accounts sent, in how many rooms: the preview of "remove every message" for a bulk
 * deactivation, counted one account at a time (each count reads every room the account is in), with progress and
 * Cancel. An account whose count fails is counted as failed, not as zero.
 */
public final class SelectionMessages {

    /** The sums over the accounts read so far. */
    public record Totals(int accounts, int read, long rooms, long messages, boolean atLimit, int failed, boolean cancelled) {

        public double fraction() {
            return accounts == 0 ? 1 : (double) read / accounts;
        }
    }

    private final CleanupApi api;

    public SelectionMessages(CleanupApi api) {
        this.api = api;
    }

    public Totals count(List<String> userIds, JobControl control, Consumer<Totals> progress) {
        Totals sums = new Totals(userIds.size(), 0, 0, 0, false, 0, false);
        for (String userId : userIds) {
            if (!control.awaitTurn()) {
                return new Totals(sums.accounts(), sums.read(), sums.rooms(), sums.messages(), sums.atLimit(),
                        sums.failed(), true);
            }
            try {
                CleanupService.MessagePreview one = CleanupService.previewMessages(api, userId);
                sums = new Totals(sums.accounts(), sums.read() + 1, sums.rooms() + one.rooms(),
                        sums.messages() + one.messages(), sums.atLimit() || one.atLimit(), sums.failed(), false);
            } catch (MatrixApiException e) {
                sums = new Totals(sums.accounts(), sums.read() + 1, sums.rooms(), sums.messages(), sums.atLimit(),
                        sums.failed() + 1, false);
            }
            progress.accept(sums);
        }
        return sums;
    }
}
