package app.registrar.ui.edituser;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.model.UserId;
import app.registrar.service.AccountService;
import app.registrar.service.LatestRequest;
import app.registrar.service.TaskHandle;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The user ID typed for a new account: checked as typed (grammar, this server only), lower-cased as Synapse
 * will, and asked of the server shortly after typing stops whether it is free; stale answers are dropped.
 * An edited account's ID is fixed, so it has no problems.
 */
public final class UserIdInput {

    /** Whether the user ID typed for a new account is free. */
    public enum Availability { UNKNOWN, CHECKING, AVAILABLE, TAKEN, RESERVED }

    static final long AVAILABILITY_DELAY_MS = 300;

    private final AccountService service;
    private final String serverName;
    private final boolean create;
    private final StringProperty localpart = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Availability> availability = new ReadOnlyObjectWrapper<>(Availability.UNKNOWN);
    private final StringBinding problem;
    private final StringBinding note;
    private final LatestRequest latest = new LatestRequest();
    private TaskHandle check = TaskHandle.NONE;

    UserIdInput(AccountService service, String serverName, String fixedLocalpart) {
        this.service = service;
        this.serverName = serverName;
        this.create = fixedLocalpart == null;
        if (!create) {
            localpart.set(fixedLocalpart);
        }
        problem = Bindings.createStringBinding(this::computeProblem, localpart, availability);
        note = Bindings.createStringBinding(this::computeNote, localpart, availability);
        localpart.addListener((obs, old, now) -> scheduleAvailability());
    }

    /** The user ID as it will be sent. */
    String userId() {
        return UserId.fromInput(localpart.get(), serverName).toString();
    }

    /** What the server said when it refused to create the account: the name is taken or reserved after all. */
    void refusedAsInUse(boolean reserved) {
        availability.set(reserved ? Availability.RESERVED : Availability.TAKEN);
    }

    private String typed() {
        String value = localpart.get() == null ? "" : localpart.get().strip();
        if (value.startsWith("@")) {
            int colon = value.indexOf(':');
            value = colon > 0 ? value.substring(1, colon) : value.substring(1);
        }
        return value;
    }

    private String computeProblem() {
        if (!create) {
            return "";
        }
        String raw = localpart.get() == null ? "" : localpart.get().strip();
        if (raw.startsWith("@") && raw.contains(":") && !raw.substring(raw.indexOf(':') + 1).equalsIgnoreCase(serverName)) {
            return tr("edit.user.problem.other.server", serverName);
        }
        List<UserId.Problem> problems = UserId.checkNewLocalpart(typed(), serverName);
        if (!problems.isEmpty()) {
            return tr("edit.user.problem." + problems.get(0).name().toLowerCase(Locale.ROOT).replace('_', '.'));
        }
        return switch (availability.get()) {
            case TAKEN -> tr("edit.user.taken");
            case RESERVED -> tr("edit.user.reserved");
            default -> "";
        };
    }

    private String computeNote() {
        if (!create || !computeProblem().isEmpty()) {
            return "";
        }
        String typed = typed();
        if (typed.isEmpty()) {
            return "";
        }
        String lowered = typed.toLowerCase(Locale.ROOT);
        return switch (availability.get()) {
            case CHECKING -> tr("edit.user.checking");
            case AVAILABLE -> lowered.equals(typed) ? tr("edit.user.available", lowered + ":" + serverName)
                    : tr("edit.user.lowered", "@" + lowered + ":" + serverName);
            default -> lowered.equals(typed) ? "" : tr("edit.user.lowered", "@" + lowered + ":" + serverName);
        };
    }

    private void scheduleAvailability() {
        if (!create) {
            return;
        }
        check.cancel();
        LatestRequest.Ticket ticket = latest.next();
        String lowered = typed().toLowerCase(Locale.ROOT);
        if (!UserId.checkNewLocalpart(lowered, serverName).isEmpty()) {
            availability.set(Availability.UNKNOWN);
            return;
        }
        availability.set(Availability.CHECKING);
        check = service.executor().schedule(AVAILABILITY_DELAY_MS, ticket.ifCurrent(() ->
                check = service.isUsernameAvailable(lowered)
                        .onSuccess(ticket.ifCurrent(free ->
                                availability.set(free ? Availability.AVAILABLE : Availability.TAKEN)))
                        .onFailure(ticket.ifCurrent(e ->
                                availability.set(e.errcode().filter("M_EXCLUSIVE"::equals).isPresent()
                                        ? Availability.RESERVED : Availability.UNKNOWN)))
                        .start()));
    }

    public String getServerName() {
        return serverName;
    }

    public StringProperty localpartProperty() {
        return localpart;
    }

    public ReadOnlyObjectProperty<Availability> availabilityProperty() {
        return availability.getReadOnlyProperty();
    }

    public StringBinding problemProperty() {
        return problem;
    }

    public StringBinding noteProperty() {
        return note;
    }
}
