package app.registrar.bulk;

/**
 * How an import treats what it finds.
 *
 * @param existing          what to do with an account that already exists: never overwritten unless
 *                          {@link Existing#UPDATE} was chosen
 * @param generatePasswords give accounts without a password in the file a generated one (written to the passwords
 *                          file); otherwise they get none (servers where people sign in through SSO)
 * @param parallel          accounts in flight at once; the server's password hashing sets the pace
 */
public record ImportOptions(Existing existing, boolean generatePasswords, int parallel) {

    /** What to do with a row whose account already exists. */
    public enum Existing {
        /** Leave the account as it is and report it. */
        SKIP,
        /** Set the row's display name, admin flag, type and password (when the file gives one), add its emails. */
        UPDATE
    }

    public ImportOptions {
        if (existing == null) {
            existing = Existing.SKIP;
        }
        parallel = Math.max(1, Math.min(8, parallel));
    }

    public static ImportOptions defaults() {
        return new ImportOptions(Existing.SKIP, true, 2);
    }
}
