package app.registrar.ui.encryption;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ErrorCategory;
import app.registrar.service.SecurityService;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Let them reset their encryption": explains what the admin's permission allows, for how long, what the person
 * loses and what they do in Element, and gives a message to send them. On a server whose accounts Matrix
 * Authentication Service runs, the permission lets them skip confirming the reset; on a plain Synapse the server
 * ignores it (it always asks for their password or single sign-on), so the dialog says so and sends nothing.
 */
public final class ResetEncryptionViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);

    private final SecurityService service;
    private final DialogService dialogs;
    private final String userId;
    private final boolean serverUsesMas;
    private final Supplier<Instant> clock;
    private final ZoneId zone;

    private final ReadOnlyObjectWrapper<Instant> allowedUntil = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper untilText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper expired = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();

    public ResetEncryptionViewModel(SecurityService service, DialogService dialogs, String userId, boolean serverUsesMas,
                                    Supplier<Instant> clock) {
        this(service, dialogs, userId, serverUsesMas, clock, ZoneId.systemDefault());
    }

    ResetEncryptionViewModel(SecurityService service, DialogService dialogs, String userId, boolean serverUsesMas,
                             Supplier<Instant> clock, ZoneId zone) {
        this.service = service;
        this.dialogs = dialogs;
        this.userId = userId;
        this.serverUsesMas = serverUsesMas;
        this.clock = clock;
        this.zone = zone;
    }

    /** Whether the admin's permission has an effect on this server (see the class comment). */
    public boolean canAllow() {
        return serverUsesMas;
    }

    /** Asks the server to let the person replace their cross-signing keys without confirming it. */
    public void allow() {
        if (!canAllow() || busy.get()) {
            return;
        }
        busy.set(true);
        error.set(null);
        service.allowCrossSigningReset(userId)
                .onSuccess(until -> {
                    allowedUntil.set(until);
                    untilText.set(TIME.format(until.atZone(zone)));
                    tick();
                })
                .onFailure(e -> {
                    if (e.category() == ErrorCategory.NOT_FOUND) {
                        error.set(new ErrorReport(tr("reset.encryption.none", userId), tr("reset.encryption.none.next"),
                                ErrorMessages.describe(e).details()));
                    } else if (e.category() != ErrorCategory.CANCELLED) {
                        error.set(ErrorMessages.describe(e));
                    }
                })
                .andFinally(() -> busy.set(false))
                .start();
    }

    /** Updates the countdown; the view calls it every second while the dialog is open. */
    public void tick() {
        Instant until = allowedUntil.get();
        if (until == null) {
            countdown.set("");
            return;
        }
        Duration left = Duration.between(clock.get(), until);
        if (left.isNegative() || left.isZero()) {
            expired.set(true);
            countdown.set(tr("reset.encryption.expired"));
        } else {
            expired.set(false);
            long seconds = (left.toMillis() + 999) / 1000;
            countdown.set(tr("reset.encryption.left", seconds / 60, String.format("%02d", seconds % 60)));
        }
    }

    public String allowsText() {
        return serverUsesMas ? tr("reset.encryption.allows.mas", userId) : tr("reset.encryption.allows.plain", userId);
    }

    public String losesText() {
        return tr("reset.encryption.loses");
    }

    public String stepsText() {
        return tr(serverUsesMas ? "reset.encryption.steps.mas" : "reset.encryption.steps.plain");
    }

    /** The message for the person: what to do in Element, and until when (once allowed on a MAS server). */
    public String message() {
        String steps = stepsText();
        String when = allowedUntil.get() == null || !serverUsesMas ? ""
                : tr("reset.encryption.message.until", untilText.get()) + "\n\n";
        return tr("reset.encryption.message", when, steps, losesText());
    }

    /** Puts the message on the clipboard: the admin pressed Copy. */
    public void copyMessage() {
        dialogs.copyToClipboard(message());
        dialogs.notify(tr("reset.encryption.copied"));
    }

    public String getUserId() {
        return userId;
    }

    public ReadOnlyObjectProperty<Instant> allowedUntilProperty() {
        return allowedUntil.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty untilTextProperty() {
        return untilText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty expiredProperty() {
        return expired.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
