package app.registrar.api;

/**
 * A search of MAS's accounts: part of the user name, a status, admins only, and the page to read.
 *
 * @param search        part of the user name, or null
 * @param status        {@code active}, {@code locked} (includes deactivated) or {@code deactivated}, or null for all
 * @param admin         true: only those who may request admin rights; false: only those who may not; null: both
 * @param legacyGuests  true: only guest accounts from before MAS; false: none of them; null: both
 * @param after         the cursor of the page before, or null for the first page
 */
public record MasUserQuery(String search, String status, Boolean admin, Boolean legacyGuests, int pageSize, String after) {

    public static MasUserQuery all(int pageSize) {
        return new MasUserQuery(null, null, null, null, pageSize, null);
    }

    public MasUserQuery after(String cursor) {
        return new MasUserQuery(search, status, admin, legacyGuests, pageSize, cursor);
    }

    public MasUserQuery withPageSize(int size) {
        return new MasUserQuery(search, status, admin, legacyGuests, size, after);
    }
}
