package app.registrar.ui.deactivate;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.MatrixApiException;
import app.registrar.service.AccountService;
import app.registrar.service.CleanupService;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.DialogViewModel;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.OutcomeCheck;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Deactivation, optionally with GDPR erase. The admin types the user ID to confirm; erase needs its own tick,
 * and the button then names it ("Deactivate and erase @…");
 * deactivating the signed-in account is refused. It runs once: if the answer never comes, the account is read
 * back to tell what happened, and the request is never sent again by itself.
 */
public final class DeactivateViewModel extends DialogViewModel {

    private final AccountService service;
    private final DialogService dialogs;
    private final String userId;
    private final boolean ownAccount;
    private final Runnable onDone;

    private final StringProperty typedUserId = new SimpleStringProperty("");
    private final BooleanProperty erase = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    /** False once the admin ticked "remove every message": the dialog then no longer says they stay visible. */
    private final ReadOnlyBooleanWrapper messagesStay = new ReadOnlyBooleanWrapper(true);
    private final BooleanBinding canDeactivate;
    private final OutcomeCheck outcome = new OutcomeCheck();
    private RemovalPreviewViewModel preview;
    private LeftBehindViewModel leftBehind;
    /** What the admin should know about the removal before the deactivation (messages that could not go). */
    private String cleanupNote = "";
    private final StringBinding typedProblem;
    private final String localpart;

    public DeactivateViewModel(AccountService service, DialogService dialogs, String userId, String signedInUserId,
                               Runnable onDone) {
        this(service, dialogs, userId, signedInUserId,
                signedInUserId == null ? null : signedInUserId.substring(signedInUserId.indexOf(':') + 1), onDone);
    }

    /**
     * With the server's name given apart from the admin's ID: a MAS client signed in with ID and secret has no
     * Matrix user ID ({@code client …}), yet accounts of its server may still be confirmed by their bare name.
     */
    public DeactivateViewModel(AccountService service, DialogService dialogs, String userId, String signedInUserId,
                               String serverName, Runnable onDone) {
        this.service = service;
        this.dialogs = dialogs;
        this.userId = userId;
        this.ownAccount = userId.equals(signedInUserId);
        this.onDone = onDone;
        // An account of the signed-in admin's own server may be confirmed by its bare name as well.
        boolean local = serverName != null && !serverName.isEmpty() && userId.indexOf(':') > 0
                && userId.substring(userId.indexOf(':') + 1).equals(serverName);
        this.localpart = local ? userId.substring(1, userId.indexOf(':')) : null;
        // Typing the user ID is the confirmation; erase, which cannot be undone, is its own separate tick.
        canDeactivate = Bindings.createBooleanBinding(() -> !ownAccount && !isBusy() && !outcome.isUnconfirmed()
                        && matches(typedUserId.get()), typedUserId, busyProperty(), outcome.unconfirmedProperty());
        typedProblem = Bindings.createStringBinding(() -> problemWith(typedUserId.get()), typedUserId);
        watchInput(typedUserId, erase);
    }

    private boolean matches(String typed) {
        String text = typed.strip();
        return text.equals(userId) || (localpart != null && text.equals(localpart));
    }

    /** Nothing while the text is still on its way to a match; a plain sentence once it cannot become one. */
    private String problemWith(String typed) {
        String text = typed.strip();
        if (text.isEmpty() || matches(text) || userId.startsWith(text) || (localpart != null && localpart.startsWith(text))) {
            return "";
        }
        return localpart == null ? tr("deactivate.type.mismatch.full", userId)
                : tr("deactivate.type.mismatch", userId, localpart);
    }

    /** What to type, in full, for the field's label. */
    public String getTypeHint() {
        return localpart == null ? tr("deactivate.type.full", userId) : tr("deactivate.type", userId, localpart);
    }

    /** Why the typed text does not confirm, once it no longer can; empty otherwise. */
    public StringBinding typedProblemProperty() {
        return typedProblem;
    }

    public void deactivate() {
        if (!canDeactivate.get()) {
            return;
        }
        boolean withErase = erase.get();
        // Busy by hand: a lost answer is followed by a read-back, and the dialog stays busy until it is known.
        begin();
        cleanupNote = "";
        if (leftBehind != null && leftBehind.anythingTicked()) {
            leftBehind.run(progress::set, note -> {
                cleanupNote = note;
                send(withErase);
            }, this::failed);
        } else {
            send(withErase);
        }
    }

    private void send(boolean withErase) {
        progress.set(tr("deactivate.running"));
        service.deactivate(userId, withErase)
                .onSuccess(ignored -> finished(withErase))
                .onFailure(e -> {
                    if (OutcomeCheck.isLostAnswer(e)) {
                        checkOutcome(withErase);
                    } else {
                        failed(e);
                    }
                })
                .start();
    }

    /**
     * The outcome of a deactivation whose answer was lost: read the account instead of sending it again. When the
     * read-back fails too, the outcome is unknown: the dialog says so, offers "Check again", and the button stays
     * disabled until a read-back tells the truth.
     */
    private void checkOutcome(boolean withErase) {
        service.getUser(userId)
                .onSuccess(user -> {
                    outcome.settled();
                    // The audit trail said "could not be confirmed"; the read-back now knows.
                    service.settleAudit(userId, user.deactivated(), "deactivate", "erase").start();
                    if (user.deactivated()) {
                        finished(withErase);
                    } else {
                        end();
                        progress.set("");
                        showError(new ErrorReport(tr("deactivate.unknown.outcome", tr("deactivate.checked.not")), "", ""));
                    }
                })
                .onFailure(e -> {
                    end();
                    progress.set("");
                    showError(outcome.readBackFailed(e, () -> checkOutcome(withErase)));
                })
                .start();
    }

    public OutcomeCheck getOutcome() {
        return outcome;
    }

    private void finished(boolean withErase) {
        end();
        progress.set("");
        dialogs.notify(tr(withErase ? "deactivate.done.erase" : "deactivate.done", userId)
                + (cleanupNote.isEmpty() ? "" : " " + cleanupNote));
        onDone.run();
        requestClose();
    }

    private void failed(MatrixApiException e) {
        end();
        progress.set("");
        fail(e);
    }

    /**
     * What this server does on deactivation, when it differs from Synapse alone: on a server whose accounts MAS owns,
     * MAS deactivates at once and Synapse follows a moment later, erasing only when asked. Empty otherwise.
     */
    public String getServerNote() {
        try {
            return service.capabilities().accountsInMas() ? tr("deactivate.mas.note") : "";
        } catch (MatrixApiException notSignedIn) {
            return "";
        }
    }

    public String getUserId() {
        return userId;
    }

    public boolean isOwnAccount() {
        return ownAccount;
    }

    public StringProperty typedUserIdProperty() {
        return typedUserId;
    }

    public BooleanProperty eraseProperty() {
        return erase;
    }

    public BooleanBinding canDeactivateProperty() {
        return canDeactivate;
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Offers the ticks that remove the account's messages and media before deactivating it. */
    public DeactivateViewModel withCleanup(CleanupService cleanup) {
        leftBehind = new LeftBehindViewModel(cleanup, userId, getPreview().previewProperty());
        messagesStay.bind(leftBehind.redactProperty().not());
        leftBehind.deleteMediaProperty().addListener((obs, old, now) -> getPreview().mediaDeleted(now));
        return this;
    }

    /** Whether the account's messages stay visible after this deactivation: not when they are to be redacted. */
    public ReadOnlyBooleanProperty messagesStayVisibleProperty() {
        return messagesStay.getReadOnlyProperty();
    }

    /** The messages and media ticks, or null when this dialog does not offer them. */
    public LeftBehindViewModel getLeftBehind() {
        return leftBehind;
    }

    /** What the account loses (rooms, devices, emails, media), for the dialog to load and show. */
    public RemovalPreviewViewModel getPreview() {
        if (preview == null) {
            preview = new RemovalPreviewViewModel(service, userId);
        }
        return preview;
    }
}
