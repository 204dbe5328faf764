package app.registrar.store;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MasAdminApi;
import app.registrar.api.MasPage;
import app.registrar.api.MasUser;
import app.registrar.api.MasUserQuery;
import app.registrar.api.MatrixApiException;
import app.registrar.api.UserQuery;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Lets callers page MAS's account list by offset, as they page Synapse's ({@code from} = rows to skip): MAS pages
 * only by cursor. Every page read remembers the cursor where the next one starts; an offset never reached is walked
 * to from the nearest known one in a single request for the rows in between (without joining Synapse's view), so
 * scrolling far down the list costs one extra request, not one per page.
 */
final class MasCursors {

    /** One page: MAS's accounts, how many match in all, and the offset of the next page (null on the last). */
    record Page(List<MasUser> users, long total, String nextOffset) {
    }

    private static final int QUERIES_KEPT = 8;

    private final MasAdminApi mas;
    /** Per search (without its page): offset → cursor of the row before it (null for offset 0). */
    private final Map<MasUserQuery, TreeMap<Long, String>> marks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MasUserQuery, TreeMap<Long, String>> eldest) {
            return size() > QUERIES_KEPT;
        }
    };

    MasCursors(MasAdminApi mas) {
        this.mas = mas;
    }

    Page page(UserQuery query) {
        if (leavesOutDeactivated(query)) {
            return notDeactivated(query);
        }
        long offset = offset(query.from());
        MasUserQuery search = translate(query);
        MasUserQuery key = search.withPageSize(1);
        Map.Entry<Long, String> start = nearest(key, offset);
        String cursor = start.getValue();
        long at = start.getKey();
        Long total = null;
        if (at < offset) {
            MasPage<MasUser> gap = mas.listUsers(search.withPageSize((int) Math.min(offset - at, 10_000)).after(cursor));
            total = gap.total();
            at += gap.items().size();
            cursor = gap.lastCursor();
            if (!gap.more() || at < offset) {
                // Fewer accounts than the offset (or a gap too long for one request): nothing to show there.
                return new Page(List.of(), total == null ? at : total, null);
            }
            remember(key, at, cursor);
        }
        MasPage<MasUser> page = mas.listUsers(search.after(cursor));
        long next = offset + page.items().size();
        if (page.more()) {
            remember(key, next, page.lastCursor());
        }
        long count = page.total() != null ? page.total() : total != null ? total : next;
        return new Page(page.items(), count, page.more() ? Long.toString(next) : null);
    }

    /** "Active" with locked ones included: MAS has no status for "not deactivated", so its rows are filtered here. */
    static boolean leavesOutDeactivated(UserQuery query) {
        return query.state() == UserQuery.AccountState.ACTIVE && Boolean.TRUE.equals(query.locked());
    }

    /**
     * A page of every account that is not deactivated (active or locked): MAS lists all statuses and deactivated ones
     * are skipped here. Offsets count the rows kept; a row's cursor is its ID, so the cursor of the last row skipped
     * or shown is where reading goes on. The total is MAS's count of all accounts minus its count of deactivated ones.
     */
    private Page notDeactivated(UserQuery query) {
        long offset = offset(query.from());
        MasUserQuery search = translate(query);
        MasUserQuery key = search.withPageSize(1);
        Map.Entry<Long, String> start = nearestKept(key, offset);
        String cursor = start.getValue();
        long at = start.getKey();
        int batch = Math.max(query.limit(), 100);
        List<MasUser> rows = new ArrayList<>();
        boolean more = true;
        reading:
        while (rows.size() < query.limit()) {
            MasPage<MasUser> page = mas.listUsers(search.withPageSize(batch).after(cursor));
            for (MasUser user : page.items()) {
                if (rows.size() == query.limit()) {
                    break reading; // the cursor stays on the last row read, where the next page goes on
                }
                cursor = user.id();
                if (user.deactivated()) {
                    continue;
                }
                if (at < offset) {
                    at++;
                    continue;
                }
                rows.add(user);
            }
            if (!page.more()) {
                more = false;
                break;
            }
        }
        long next = offset + rows.size();
        if (more && !rows.isEmpty()) {
            rememberKept(key, next, cursor);
        }
        long all = count(search.withPageSize(1));
        long deactivated = count(new MasUserQuery(search.search(), "deactivated", search.admin(), search.legacyGuests(), 1, null));
        return new Page(List.copyOf(rows), Math.max(0, all - deactivated), more && !rows.isEmpty() ? Long.toString(next) : null);
    }

    private long count(MasUserQuery query) {
        MasPage<MasUser> page = mas.listUsers(query);
        return page.total() != null ? page.total() : page.items().size();
    }

    /** Offsets of the filtered list: apart from the unfiltered list's, which the same MAS query also pages. */
    private final Map<MasUserQuery, TreeMap<Long, String>> keptMarks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MasUserQuery, TreeMap<Long, String>> eldest) {
            return size() > QUERIES_KEPT;
        }
    };

    private synchronized Map.Entry<Long, String> nearestKept(MasUserQuery search, long offset) {
        Map.Entry<Long, String> floor = keptMarks.computeIfAbsent(search, MasCursors::startingAtTheTop).floorEntry(offset);
        return new AbstractMap.SimpleImmutableEntry<>(floor.getKey(), floor.getValue());
    }

    private synchronized void rememberKept(MasUserQuery search, long offset, String cursor) {
        keptMarks.computeIfAbsent(search, MasCursors::startingAtTheTop).put(offset, Objects.requireNonNull(cursor));
    }

    private synchronized Map.Entry<Long, String> nearest(MasUserQuery search, long offset) {
        TreeMap<Long, String> known = marks.computeIfAbsent(search, MasCursors::startingAtTheTop);
        Map.Entry<Long, String> floor = known.floorEntry(offset);
        return new AbstractMap.SimpleImmutableEntry<>(floor.getKey(), floor.getValue());
    }

    private synchronized void remember(MasUserQuery search, long offset, String cursor) {
        marks.computeIfAbsent(search, MasCursors::startingAtTheTop).put(offset, Objects.requireNonNull(cursor));
    }

    private static TreeMap<Long, String> startingAtTheTop(MasUserQuery search) {
        TreeMap<Long, String> first = new TreeMap<>();
        first.put(0L, null);
        return first;
    }

    private static long offset(String from) {
        if (from == null || from.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(from.strip());
        } catch (NumberFormatException e) {
            throw MatrixApiException.local(ErrorCategory.INVALID_INPUT, "not a list position: " + from);
        }
    }

    /**
     * Synapse's filters in MAS's terms. MAS searches user names only (not display names). "Active" in MAS leaves out
     * locked accounts, as Synapse's list does by default; asking to include locked ones asks MAS for every status
     * (it cannot list "locked but not deactivated") and {@link #notDeactivated} drops the deactivated rows.
     */
    static MasUserQuery translate(UserQuery query) {
        String search = query.name() != null ? query.name() : query.userId();
        if (search != null) {
            search = search.startsWith("@") ? search.substring(1) : search;
            int colon = search.indexOf(':');
            search = colon >= 0 ? search.substring(0, colon) : search;
            search = search.isBlank() ? null : search;
        }
        String status = switch (query.state()) {
            case DEACTIVATED -> "deactivated";
            case ALL -> null;
            case ACTIVE -> Boolean.TRUE.equals(query.locked()) ? null : "active";
        };
        Boolean guests = Boolean.FALSE.equals(query.guests()) ? Boolean.FALSE : null;
        return new MasUserQuery(search, status, query.admins(), guests, query.limit(), null);
    }
}
