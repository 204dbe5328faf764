package app.registrar.bulk;

/** Accounts finished out of the accounts selected, and the result of the last one. */
public record BulkProgress(int finished, int total, BulkResult last) {

    public double fraction() {
        return total == 0 ? 1.0 : Math.min(1.0, (double) finished / total);
    }
}
