package app.registrar.ui.userlist;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.api.UserQuery.AccountState;
import app.registrar.api.UserQuery;
import app.registrar.service.AccountService;
import app.registrar.service.TaskExecutor;
import app.registrar.service.TaskHandle;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The account list: server-side search as you type (debounced, stale answers dropped), filters an admin
 * understands, server-side sort on the indexed columns, and rows that load page by page as the admin scrolls.
 */
public final class UserListViewModel {

    static final long SEARCH_DELAY_MS = 250;
    /** How often the list tries again, after the homeserver stopped answering, to replace rows that may be out of date. */
    static final long RECHECK_DELAY_MS = 5000;

    /** The columns the server sorts quickly (indexed). */
    public enum SortColumn {
        USER_ID("name"), CREATED("creation_ts");

        final String serverName;

        SortColumn(String serverName) {
            this.serverName = serverName;
        }
    }

    private final TaskExecutor executor;
    private final PagedUserList rows;
    private final AvatarThumbnails avatars;

    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<AccountState> state = new SimpleObjectProperty<>(AccountState.ACTIVE);
    private final BooleanProperty includeLocked = new SimpleBooleanProperty(true);
    private final BooleanProperty includeGuests = new SimpleBooleanProperty(true);
    private final BooleanProperty onlyAdmins = new SimpleBooleanProperty(false);
    private final BooleanProperty hideServiceAccounts = new SimpleBooleanProperty(false);
    private final ObjectProperty<SortColumn> sortColumn = new SimpleObjectProperty<>(SortColumn.USER_ID);
    private final BooleanProperty descending = new SimpleBooleanProperty(false);

    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<UserRowViewModel> selection = FXCollections.observableArrayList();

    private TaskHandle pendingSearch = TaskHandle.NONE;
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private TaskHandle recheck = TaskHandle.NONE;
    private boolean recheckPending;
    // Kept here: the connection holds its trouble listeners weakly.
    private final Runnable onServerTrouble = this::markStale;

    public UserListViewModel(AccountService service) {
        this.executor = service.executor();
        this.rows = new PagedUserList(service, this::pageFailed, this::updateSummary);
        this.avatars = new AvatarThumbnails(service);
        search.addListener((obs, old, now) -> scheduleSearch());
        state.addListener((obs, old, now) -> refresh());
        includeLocked.addListener((obs, old, now) -> refresh());
        includeGuests.addListener((obs, old, now) -> refresh());
        onlyAdmins.addListener((obs, old, now) -> refresh());
        hideServiceAccounts.addListener((obs, old, now) -> refresh());
        selection.addListener((ListChangeListener<UserRowViewModel>) change -> updateSummary());
        service.onServerTrouble(onServerTrouble);
    }

    /**
     * Some call found the homeserver unreachable or failing: the rows shown were read before and may no longer be
     * true (an account deactivated meanwhile would still say Active). They are marked as possibly out of date, and
     * the list reads them again every few seconds until the homeserver answers.
     */
    private void markStale() {
        if (rows.isEmpty()) {
            return;
        }
        stale.set(true);
        scheduleRecheck();
    }

    private void scheduleRecheck() {
        if (recheckPending) {
            return;
        }
        recheckPending = true;
        recheck = executor.schedule(RECHECK_DELAY_MS, () -> {
            recheckPending = false;
            if (stale.get()) {
                refresh();
            }
        });
    }

    /** The query the current filters, search and sort make (export and the inactive search use it too). */
    public UserQuery query() {
        UserQuery query = UserQuery.all()
                .withState(state.get())
                .withLocked(includeLocked.get())
                .withGuests(includeGuests.get())
                .withAdmins(onlyAdmins.get() ? Boolean.TRUE : null)
                .withNotUserTypes(hideServiceAccounts.get() ? List.of("bot", "support") : List.of())
                .withOrder(sortColumn.get().serverName, descending.get());
        String text = search.get() == null ? "" : search.get().strip();
        if (text.startsWith("@")) {
            // A (partial) user ID: match it against the whole ID rather than localpart and display name.
            return query.withUserId(text);
        }
        return query.withName(text);
    }

    private void scheduleSearch() {
        pendingSearch.cancel();
        pendingSearch = executor.schedule(SEARCH_DELAY_MS, this::refresh);
    }

    /** Reloads from the first page with the current search, filters and sort. */
    public void refresh() {
        pendingSearch.cancel();
        loading.set(true);
        error.set(null);
        rows.reload(query(), () -> {
            loading.set(false);
            // Read again just now: current, whatever was shown before.
            stale.set(false);
            recheck.cancel();
            recheckPending = false;
            total.set(rows.total());
            updateSummary();
        }, failure -> {
            loading.set(false);
            pageFailed(failure);
        });
    }

    /** True while the rows shown were read before the homeserver stopped answering and may be out of date. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** Sorts on the server; only the indexed columns are offered. */
    public void sortBy(SortColumn column, boolean backwards) {
        if (column == sortColumn.get() && backwards == descending.get()) {
            return;
        }
        sortColumn.set(column);
        descending.set(backwards);
        refresh();
    }

    private void pageFailed(MatrixApiException failure) {
        if (failure.category() == ErrorCategory.CANCELLED) {
            return;
        }
        error.set(ErrorMessages.describe(failure));
    }

    private void updateSummary() {
        long count = rows.total();
        total.set(count);
        int selected = selection.size();
        if (selected > 1) {
            summary.set(tr("list.total.selected", count, selected));
        } else {
            summary.set(count == 1 ? tr("list.total.one") : tr("list.total", count));
        }
    }

    /** The user IDs of the selected, loaded rows. */
    public List<String> selectedUserIds() {
        List<String> ids = new ArrayList<>();
        for (UserRowViewModel row : selection) {
            if (!row.isLoading()) {
                ids.add(row.getUserId());
            }
        }
        return ids;
    }

    /** Loads a row's small picture and hands its bytes to {@code callback}; nothing if it has none. */
    public void loadAvatar(UserRowViewModel row, Consumer<byte[]> callback) {
        if (row != null && !row.isLoading()) {
            avatars.load(row.getAvatarUrl(), callback);
        }
    }

    /** The index of a loaded row with this user ID, or -1; never fetches anything. */
    public int indexOfLoaded(String userId) {
        return rows.indexOfLoaded(userId);
    }

    public ObservableList<UserRowViewModel> getRows() {
        return rows;
    }

    /** The table is about to show {@code count} rows from {@code first} (a jump): their pages are asked for now. */
    public void willShow(int first, int count) {
        rows.prefetch(first, count);
    }

    PagedUserList pagedRows() {
        return rows;
    }

    public ObservableList<UserRowViewModel> getSelection() {
        return selection;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<AccountState> stateProperty() {
        return state;
    }

    public BooleanProperty includeLockedProperty() {
        return includeLocked;
    }

    public BooleanProperty includeGuestsProperty() {
        return includeGuests;
    }

    public BooleanProperty onlyAdminsProperty() {
        return onlyAdmins;
    }

    public BooleanProperty hideServiceAccountsProperty() {
        return hideServiceAccounts;
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
