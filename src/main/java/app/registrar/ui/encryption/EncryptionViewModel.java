package app.registrar.ui.encryption;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.EncryptionState;
import app.registrar.api.EncryptionState.DeviceTrust;
import app.registrar.api.ErrorCategory;
import app.registrar.api.UserDetails;
import app.registrar.service.SecurityService;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import java.time.Instant;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The account panel's "Security and recovery" part: whether the person set up their encryption identity, which
 * devices they verified, what an admin cannot see, and whether they can recover their password by themselves.
 * Answers for an account no longer shown are dropped.
 */
public final class EncryptionViewModel {

    private final SecurityService service;
    private final DialogService dialogs;
    private final boolean passwordsManagedHere;
    private final boolean serverUsesMas;
    private final Supplier<Instant> clock;

    private final ReadOnlyObjectWrapper<UserDetails> user = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<EncryptionState> state = new ReadOnlyObjectWrapper<>();
    private final ObservableMap<String, DeviceTrust> trust = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper identityText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recoveryLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private int generation;

    public EncryptionViewModel(SecurityService service, DialogService dialogs, boolean passwordsManagedHere,
                               boolean serverUsesMas, Supplier<Instant> clock) {
        this.service = service;
        this.dialogs = dialogs;
        this.passwordsManagedHere = passwordsManagedHere;
        this.serverUsesMas = serverUsesMas;
        this.clock = clock;
    }

    /** Reads the encryption state and the recovery line of {@code account} (null clears). */
    public void show(UserDetails account) {
        int current = ++generation;
        user.set(account);
        state.set(null);
        trust.clear();
        identityText.set("");
        recoveryLine.set("");
        error.set(null);
        if (account == null || account.deactivated()) {
            loading.set(false);
            return;
        }
        loading.set(true);
        service.encryptionState(account.userId())
                .onSuccess(read -> {
                    if (current == generation) {
                        state.set(read);
                        trust.putAll(read.devices());
                        identityText.set(tr(switch (read.identity()) {
                            case VALID -> "encryption.identity.valid";
                            case NONE -> "encryption.identity.none";
                            case INCOMPLETE -> "encryption.identity.incomplete";
                        }));
                    }
                })
                .onFailure(e -> {
                    if (current == generation && e.category() != ErrorCategory.CANCELLED) {
                        error.set(ErrorMessages.describe(e));
                    }
                })
                .andFinally(() -> {
                    if (current == generation) {
                        loading.set(false);
                    }
                })
                .start();
        service.recoveryOptions().onSuccess(options -> {
            if (current == generation) {
                recoveryLine.set(RecoveryLine.describe(account, options, passwordsManagedHere));
            }
        }).start();
    }

    /** The state of one device as a short word for its line in the device list; empty until read. */
    public String trustText(String deviceId) {
        if (state.get() == null) {
            return "";
        }
        return tr(switch (state.get().trustOf(deviceId)) {
            case VERIFIED -> "encryption.device.verified";
            case NOT_VERIFIED -> "encryption.device.not.verified";
            case NO_KEYS -> "encryption.device.no.keys";
        });
    }

    /** The reset helper for the shown account; only offered once it has an identity to reset. */
    public ResetEncryptionViewModel newResetEncryption() {
        return new ResetEncryptionViewModel(service, dialogs, user.get().userId(), serverUsesMas, clock);
    }

    public boolean canOfferReset() {
        return state.get() != null && state.get().identity() != EncryptionState.Identity.NONE;
    }

    public ReadOnlyObjectProperty<UserDetails> userProperty() {
        return user.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EncryptionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObservableMap<String, DeviceTrust> getTrust() {
        return trust;
    }

    public ReadOnlyStringProperty identityTextProperty() {
        return identityText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty recoveryLineProperty() {
        return recoveryLine.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
