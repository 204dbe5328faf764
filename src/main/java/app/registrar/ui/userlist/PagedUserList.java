package app.registrar.ui.userlist;

import app.registrar.api.MatrixApiException;
import app.registrar.api.UserPage;
import app.registrar.api.UserQuery;
import app.registrar.service.AccountService;
import app.registrar.service.LatestRequest;
import app.registrar.service.TaskHandle;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.ObservableListBase;

/**
 * The account list as a virtual list: its size is the server's total, but only the pages the table asks for are
 * fetched (offset paging lets any page be fetched directly), and at most {@link #MAX_PAGES} are kept, so a list
 * of a million accounts costs no more memory than one of a few thousand. Rows not yet loaded are placeholders.
 * Must be used on one thread (the JavaFX thread in the app).
 */
public final class PagedUserList extends ObservableListBase<UserRowViewModel> {

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 40;
    private static final int MAX_IN_FLIGHT = 3;
    private static final int MAX_QUEUED = 6;

    private final AccountService service;
    private final Consumer<MatrixApiException> onError;
    private final Runnable onReset;

    private UserQuery query = UserQuery.all().withLimit(PAGE_SIZE);
    private int size;
    private long total;
    private final LatestRequest latest = new LatestRequest();
    private final Map<Integer, List<UserRowViewModel>> pages = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Integer, UserRowViewModel> placeholders = new HashMap<>();
    private final Set<Integer> inFlight = new HashSet<>();
    private final Deque<Integer> queued = new ArrayDeque<>();
    private final Map<Integer, TaskHandle> handles = new HashMap<>();
    private TaskHandle firstPage = TaskHandle.NONE;
    private Runnable lastLoaded = () -> { };
    private Consumer<MatrixApiException> lastFailed = error -> { };

    PagedUserList(AccountService service, Consumer<MatrixApiException> onError, Runnable onReset) {
        this.service = service;
        this.onError = onError;
        this.onReset = onReset;
    }

    /** Starts over with a new query: drops every page and answer still on its way, then loads the first page. */
    void reload(UserQuery newQuery, Runnable whenLoaded, Consumer<MatrixApiException> whenFailed) {
        LatestRequest.Ticket ticket = latest.next();
        lastLoaded = whenLoaded;
        lastFailed = whenFailed;
        query = newQuery.withLimit(PAGE_SIZE).withFrom(null);
        firstPage.cancel();
        handles.values().forEach(TaskHandle::cancel);
        handles.clear();
        inFlight.clear();
        queued.clear();
        firstPage = service.listUsers(query)
                .onSuccess(ticket.ifCurrent(page -> {
                    replaceAll(page);
                    whenLoaded.run();
                }))
                .onFailure(ticket.ifCurrent(whenFailed))
                .start();
    }

    private void replaceAll(UserPage first) {
        // What was shown, without fetching anything: rows never loaded are reported as placeholders.
        int oldSize = size;
        Map<Integer, List<UserRowViewModel>> oldPages = new HashMap<>(pages);
        List<UserRowViewModel> removed = new AbstractList<>() {
            @Override
            public UserRowViewModel get(int index) {
                List<UserRowViewModel> rows = oldPages.get(index / PAGE_SIZE);
                int offset = index % PAGE_SIZE;
                return rows != null && offset < rows.size() ? rows.get(offset) : UserRowViewModel.loading(index);
            }

            @Override
            public int size() {
                return oldSize;
            }
        };
        pages.clear();
        placeholders.clear();
        total = first.total();
        size = (int) Math.min(Integer.MAX_VALUE, first.total());
        pages.put(0, rows(0, first));
        beginChange();
        if (!removed.isEmpty()) {
            nextRemove(0, removed);
        }
        if (size > 0) {
            nextAdd(0, size);
        }
        endChange();
        onReset.run();
    }

    private List<UserRowViewModel> rows(int page, UserPage data) {
        int base = page * PAGE_SIZE;
        List<UserRowViewModel> rows = new ArrayList<>(data.users().size());
        for (int i = 0; i < data.users().size(); i++) {
            rows.add(UserRowViewModel.of(base + i, data.users().get(i)));
        }
        return rows;
    }

    @Override
    public UserRowViewModel get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / PAGE_SIZE;
        List<UserRowViewModel> rows = pages.get(page);
        if (rows != null) {
            int offset = index - page * PAGE_SIZE;
            if (offset < rows.size()) {
                return rows.get(offset);
            }
        }
        request(page);
        // A synchronous executor may have delivered the page already.
        rows = pages.get(page);
        if (rows != null && index - page * PAGE_SIZE < rows.size()) {
            return rows.get(index - page * PAGE_SIZE);
        }
        return placeholders.computeIfAbsent(index, UserRowViewModel::loading);
    }

    /**
     * Asks now for the pages that hold rows {@code first} to {@code first + count - 1}, which the table is about to
     * show (a jump): otherwise it asks only when it lays those rows out, a frame later.
     */
    void prefetch(int first, int count) {
        if (size == 0 || count <= 0) {
            return;
        }
        int from = Math.max(0, Math.min(first, size - 1));
        int to = Math.min(size - 1, from + count - 1);
        for (int page = from / PAGE_SIZE; page <= to / PAGE_SIZE; page++) {
            request(page);
        }
    }

    /** The index of a loaded row with this user ID, or -1. */
    int indexOfLoaded(String userId) {
        for (List<UserRowViewModel> page : pages.values()) {
            for (UserRowViewModel row : page) {
                if (row.getUserId().equals(userId)) {
                    return row.getIndex();
                }
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    public long total() {
        return total;
    }

    public int loadedPages() {
        return pages.size();
    }

    private void request(int page) {
        if (inFlight.contains(page) || pages.containsKey(page)) {
            return;
        }
        if (inFlight.size() >= MAX_IN_FLIGHT) {
            // Fast scrolling asks for many pages; only the latest ones are still worth fetching.
            queued.remove(page);
            queued.addFirst(page);
            while (queued.size() > MAX_QUEUED) {
                queued.removeLast();
            }
            return;
        }
        fetch(page);
    }

    private void fetch(int page) {
        LatestRequest.Ticket ticket = latest.current();
        inFlight.add(page);
        TaskHandle handle = service.listUsers(query.withFrom(Integer.toString(page * PAGE_SIZE)))
                .onSuccess(ticket.ifCurrent(data -> arrived(page, data)))
                .onFailure(ticket.ifCurrent(onError))
                .andFinally(ticket.ifCurrent(() -> {
                    inFlight.remove(page);
                    handles.remove(page);
                    Integer next = queued.pollFirst();
                    if (next != null && !pages.containsKey(next)) {
                        fetch(next);
                    }
                }))
                .start();
        if (inFlight.contains(page) && ticket.isCurrent()) {
            handles.put(page, handle);
        }
    }

    private void arrived(int page, UserPage data) {
        if (data.total() != total) {
            // Accounts were created or removed meanwhile: offsets have shifted, so start over rather than
            // show duplicates or gaps.
            reload(query, lastLoaded, lastFailed);
            return;
        }
        pages.put(page, rows(page, data));
        while (pages.size() > MAX_PAGES) {
            Integer eldest = pages.keySet().iterator().next();
            pages.remove(eldest);
        }
        int from = page * PAGE_SIZE;
        int to = Math.min(size, from + data.users().size());
        beginChange();
        for (int i = from; i < to; i++) {
            UserRowViewModel old = placeholders.remove(i);
            nextSet(i, old == null ? UserRowViewModel.loading(i) : old);
        }
        endChange();
    }
}
