package app.registrar.api;

import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The filters and order of an account list request. {@code null} means "leave the parameter out", so the
 * server's own default applies; the defaults chosen here are spelled out where they differ from Synapse's.
 *
 * @param from         offset to start at ({@code next_token} of the previous page), or null for the first page
 * @param limit        rows per page
 * @param name         substring of localpart or display name
 * @param userId       substring of the user ID
 * @param guests       include guest accounts (Synapse's default: true)
 * @param admins       true: only admins; false: no admins; null: both
 * @param state        active accounts only, deactivated ones only, or both
 * @param locked       true includes locked accounts (Synapse's default hides them)
 * @param notUserTypes user types to leave out: "bot", "support", or "" for ordinary accounts
 * @param orderBy      "name" or "creation_ts" (the indexed ones) or another column Synapse accepts
 * @param descending   order backwards
 */
public record UserQuery(String from, int limit, String name, String userId, Boolean guests, Boolean admins,
                        AccountState state, Boolean locked, List<String> notUserTypes, String orderBy,
                        boolean descending) {

    public static final int DEFAULT_LIMIT = 100;

    /**
     * The largest page asked for (what curl's and synadm's exports ask for). Synapse sets no limit; every request pays
     * a fixed cost (it counts all matching accounts each time), so a full export asks for everything after a small
     * first page, streamed ({@link AdminApi#streamUsers}) so that the reply's size costs no memory here.
     */
    public static final int MAX_LIMIT = 10_000_000;

    public UserQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        notUserTypes = notUserTypes == null ? List.of() : List.copyOf(notUserTypes);
        state = state == null ? AccountState.ACTIVE : state;
    }

    /** All accounts Synapse shows by default, ordered by user ID, first page. */
    public static UserQuery all() {
        return new UserQuery(null, DEFAULT_LIMIT, null, null, null, null, AccountState.ACTIVE, null, List.of(), "name", false);
    }

    public UserQuery withFrom(String value) {
        return new UserQuery(value, limit, name, userId, guests, admins, state, locked, notUserTypes, orderBy, descending);
    }

    public UserQuery withLimit(int value) {
        return new UserQuery(from, value, name, userId, guests, admins, state, locked, notUserTypes, orderBy, descending);
    }

    public UserQuery withName(String value) {
        return new UserQuery(from, limit, blankToNull(value), userId, guests, admins, state, locked, notUserTypes, orderBy, descending);
    }

    public UserQuery withUserId(String value) {
        return new UserQuery(from, limit, name, blankToNull(value), guests, admins, state, locked, notUserTypes, orderBy, descending);
    }

    public UserQuery withGuests(Boolean value) {
        return new UserQuery(from, limit, name, userId, value, admins, state, locked, notUserTypes, orderBy, descending);
    }

    public UserQuery withAdmins(Boolean value) {
        return new UserQuery(from, limit, name, userId, guests, value, state, locked, notUserTypes, orderBy, descending);
    }

    public UserQuery withState(AccountState value) {
        return new UserQuery(from, limit, name, userId, guests, admins, Objects.requireNonNull(value), locked, notUserTypes, orderBy, descending);
    }

    public UserQuery withLocked(Boolean value) {
        return new UserQuery(from, limit, name, userId, guests, admins, state, value, notUserTypes, orderBy, descending);
    }

    public UserQuery withNotUserTypes(List<String> value) {
        return new UserQuery(from, limit, name, userId, guests, admins, state, locked, value, orderBy, descending);
    }

    public UserQuery withOrder(String column, boolean backwards) {
        return new UserQuery(from, limit, name, userId, guests, admins, state, locked, notUserTypes,
                Objects.requireNonNull(column), backwards);
    }

    /** Which accounts to list by their deactivation state. */
    public enum AccountState { ACTIVE, DEACTIVATED, ALL }

    /** Adds the query parameters; {@code v3} selects the v3 meaning of {@code deactivated}. */
    void applyTo(HttpUrl.Builder url, boolean v3) {
        if (from != null) {
            url.addQueryParameter("from", from);
        }
        url.addQueryParameter("limit", Integer.toString(limit));
        if (name != null) {
            url.addQueryParameter("name", name);
        }
        if (userId != null) {
            url.addQueryParameter("user_id", userId);
        }
        if (guests != null) {
            url.addQueryParameter("guests", guests.toString());
        }
        if (admins != null) {
            url.addQueryParameter("admins", admins.toString());
        }
        if (v3) {
            // v3: true = only deactivated, false = none, absent = all
            if (state != AccountState.ALL) {
                url.addQueryParameter("deactivated", Boolean.toString(state == AccountState.DEACTIVATED));
            }
        } else if (state == AccountState.ALL) {
            // v2: true includes deactivated accounts, anything else hides them; it cannot list only those.
            url.addQueryParameter("deactivated", "true");
        }
        if (locked != null) {
            url.addQueryParameter("locked", locked.toString());
        }
        for (String type : notUserTypes) {
            url.addQueryParameter("not_user_type", type);
        }
        if (orderBy != null) {
            url.addQueryParameter("order_by", orderBy);
        }
        url.addQueryParameter("dir", descending ? "b" : "f");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
