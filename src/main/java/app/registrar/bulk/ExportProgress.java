package app.registrar.bulk;

import java.time.Duration;

/**
 * Rows written so far out of the total the server reported at the start (-1 while not yet known), and how long no
 * row has come in: {@link Duration#ZERO} while rows flow, the time so far while the server prepares its reply.
 */
public record ExportProgress(long written, long total, Duration waiting) {

    public ExportProgress(long written, long total) {
        this(written, total, Duration.ZERO);
    }

    /** Between 0 and 1, or -1 while the total is not known. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) written / total);
    }

    /** Whether the server is preparing its reply (no row for a while). */
    public boolean isWaiting() {
        return !waiting.isZero();
    }
}
