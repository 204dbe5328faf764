package app.registrar.bulk;

/** Rows finished so far out of the rows the import goes through, and the row it finished last. */
public record ImportProgress(long finished, long total, RowResult last) {

    public double fraction() {
        return total == 0 ? 1.0 : Math.min(1.0, (double) finished / total);
    }
}
