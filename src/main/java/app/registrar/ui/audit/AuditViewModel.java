package app.registrar.ui.audit;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.audit.AuditEntry;
import app.registrar.service.AuditService;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.I18n;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The audit trail screen: the server's audit log newest first, filtered by account, action, admin and date, searched
 * as one types, and exported to CSV as shown. Reloads itself when a change is recorded while it is open.
 */
public final class AuditViewModel {

    /** The "any" entry of the action and admin choices. */
    public static final String ANY = "";

    private final AuditService service;
    private final ZoneId zone;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<AuditEntry> shown = new FilteredList<>(entries);
    private final ObservableList<String> actions = FXCollections.observableArrayList(ANY);
    private final ObservableList<String> admins = FXCollections.observableArrayList(ANY);
    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty(ANY);
    private final StringProperty admin = new SimpleStringProperty(ANY);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private final Consumer<AuditEntry> onRecorded;
    private final BooleanProperty mirror = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper mirrorStatus = new ReadOnlyStringWrapper("");
    private boolean settingMirror;
    private DialogService dialogs;
    private String serverName = "";

    public AuditViewModel(AuditService service) {
        this(service, ZoneId.systemDefault());
    }

    AuditViewModel(AuditService service, ZoneId zone) {
        this.service = Objects.requireNonNull(service);
        this.zone = zone;
        // Recorded on the worker that sent the change; reload on the delivery thread.
        this.onRecorded = entry -> service.executor().schedule(0, this::load);
        for (var filter : List.of(account, action, admin, search)) {
            filter.addListener((obs, old, now) -> applyFilter());
        }
        from.addListener((obs, old, now) -> applyFilter());
        to.addListener((obs, old, now) -> applyFilter());
    }

    /** Loads the log and follows new entries until {@link #close()}. */
    public void open() {
        service.onRecorded(onRecorded);
        settingMirror = true;
        mirror.set(service.isMirrorEnabled());
        settingMirror = false;
        mirror.addListener((obs, old, on) -> switchMirror(on));
        load();
    }

    /** The switch of the "Registrar audit" room: on sends what the room lacks, off keeps the log local only. */
    private void switchMirror(boolean on) {
        if (settingMirror) {
            return;
        }
        mirrorStatus.set(on ? tr("audit.mirror.sending") : "");
        service.setMirrorEnabled(on)
                .onSuccess(sent -> mirrorStatus.set(on ? tr("audit.mirror.sent", sent) : tr("audit.mirror.off")))
                .onFailure(e -> mirrorStatus.set(tr("audit.mirror.unreachable", ErrorMessages.describe(e).message())))
                .start();
    }

    public void close() {
        service.removeListener(onRecorded);
    }

    public void load() {
        if (loading.get()) {
            return;
        }
        loading.set(true);
        error.set(null);
        service.entries()
                .onSuccess(all -> {
                    entries.setAll(all);
                    TreeSet<String> seenActions = new TreeSet<>();
                    TreeSet<String> seenAdmins = new TreeSet<>();
                    all.forEach(e -> {
                        seenActions.add(e.action());
                        seenAdmins.add(e.admin());
                    });
                    keepChoice(actions, seenActions, action);
                    keepChoice(admins, seenAdmins, admin);
                    applyFilter();
                })
                .onFailure(e -> error.set(ErrorMessages.describe(e)))
                .andFinally(() -> loading.set(false))
                .start();
    }

    private static void keepChoice(ObservableList<String> choices, TreeSet<String> seen, StringProperty chosen) {
        String before = Objects.requireNonNullElse(chosen.get(), ANY);
        seen.add(ANY);
        choices.setAll(seen);
        chosen.set(choices.contains(before) ? before : ANY);
    }

    private void applyFilter() {
        shown.setPredicate(predicate());
        status.set(entries.isEmpty() ? tr("audit.empty")
                : tr("audit.count", shown.size(), entries.size()));
    }

    private Predicate<AuditEntry> predicate() {
        // A choice box clears its value while its items are replaced: null means "any" like the empty string.
        String who = Objects.requireNonNullElse(account.get(), "").strip().toLowerCase(Locale.ROOT);
        String what = Objects.requireNonNullElse(action.get(), ANY);
        String by = Objects.requireNonNullElse(admin.get(), ANY);
        String text = Objects.requireNonNullElse(search.get(), "").strip().toLowerCase(Locale.ROOT);
        LocalDate start = from.get();
        LocalDate end = to.get();
        return e -> {
            if (!who.isEmpty() && !e.target().toLowerCase(Locale.ROOT).contains(who)) {
                return false;
            }
            if (!what.isEmpty() && !e.action().equals(what)) {
                return false;
            }
            if (!by.isEmpty() && !e.admin().equals(by)) {
                return false;
            }
            LocalDate day = e.sent().atZone(zone).toLocalDate();
            if ((start != null && day.isBefore(start)) || (end != null && day.isAfter(end))) {
                return false;
            }
            return text.isEmpty() || searchable(e).contains(text);
        };
    }

    private static String searchable(AuditEntry e) {
        return String.join("\n", e.admin(), e.action(), actionLabel(e.action()), e.target(), e.details(),
                outcomeLabel(e), e.error()).toLowerCase(Locale.ROOT);
    }

    /** Writes the entries shown (filters applied) to {@code file}. */
    /** Where the export's file chooser opens from, and the server the suggested file name carries. */
    public AuditViewModel withDialogs(DialogService dialogs, String serverName) {
        this.dialogs = dialogs;
        this.serverName = serverName;
        return this;
    }

    /** Asks where the shown entries go, then exports them there. */
    public void chooseFileAndExport() {
        dialogs.chooseCsvToWrite(tr("audit.title"), tr("audit.export.file", serverName.replace(':', '_')))
                .ifPresent(this::export);
    }

    public void export(Path file) {
        List<AuditEntry> rows = List.copyOf(shown);
        loading.set(true);
        error.set(null);
        service.export(rows, file)
                .onSuccess(done -> status.set(tr("audit.exported", rows.size(), file.getFileName())))
                .onFailure(e -> error.set(new ErrorReport(tr("audit.export.failed"), tr("audit.export.failed.next"),
                        e.getCause() == null ? e.getMessage() : e.getCause().toString())))
                .andFinally(() -> loading.set(false))
                .start();
    }

    /** The action in the admin's words ({@code erase} → "Erased"), or its code when no text exists for it. */
    public static String actionLabel(String code) {
        String key = "audit.action." + code;
        return I18n.bundle().containsKey(key) ? tr(key) : code;
    }

    public static String outcomeLabel(AuditEntry entry) {
        if (entry.outcome() == AuditEntry.Outcome.UNCONFIRMED && entry.open()) {
            return tr("audit.outcome.no.answer");
        }
        return tr("audit.outcome." + entry.outcome().name().toLowerCase(Locale.ROOT));
    }

    public ObservableList<AuditEntry> getShown() {
        return shown;
    }

    public ObservableList<String> getActions() {
        return actions;
    }

    public ObservableList<String> getAdmins() {
        return admins;
    }

    public StringProperty accountProperty() {
        return account;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty adminProperty() {
        return admin;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public BooleanProperty mirrorProperty() {
        return mirror;
    }

    public ReadOnlyStringProperty mirrorStatusProperty() {
        return mirrorStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
