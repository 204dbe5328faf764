package app.registrar.bulk;

/** Rows written so far out of the total the server reported at the start. */
public record ExportProgress(long written, long total) {

    /** Between 0 and 1, or -1 while the total is not known. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) written / total);
    }
}
