package app.registrar.ui.audit;

import app.registrar.api.UserDetails;
import app.registrar.audit.AuditEntry;
import app.registrar.service.AuditService;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The last changes recorded for the account shown in the details panel; follows the shown account and reloads
 * when a change to it is recorded.
 */
public final class RecentChangesViewModel {

    public static final int SHOWN = 5;

    private final AuditService service;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final Consumer<AuditEntry> recorded;
    private String userId;
    private long generation;

    public RecentChangesViewModel(AuditService service, ObservableValue<UserDetails> shownAccount) {
        this.service = service;
        shownAccount.addListener((obs, old, now) -> {
            String id = now == null ? null : now.userId();
            // The details reload after each change, which is also when a new entry has just been recorded.
            show(id);
        });
        recorded = entry -> service.executor().schedule(0, () -> {
            if (entry.target().equals(userId)) {
                show(userId);
            }
        });
        service.onRecorded(recorded);
    }

    /**
     * Stops following new entries. The audit trail outlives a main window (a new one is built after each sign-in and
     * language change), so a listener left behind would keep every old window's view models alive and reloading.
     */
    public void close() {
        service.removeListener(recorded);
        generation++;
    }

    public void show(String account) {
        userId = account;
        long mine = ++generation;
        if (account == null || !service.isAvailable()) {
            entries.clear();
            return;
        }
        service.forAccount(account, SHOWN)
                .onSuccess(found -> {
                    if (mine == generation) { // a later selection wins over a slow read
                        entries.setAll(found);
                    }
                })
                .onFailure(e -> entries.clear())
                .start();
    }

    public ObservableList<AuditEntry> getEntries() {
        return entries;
    }
}
