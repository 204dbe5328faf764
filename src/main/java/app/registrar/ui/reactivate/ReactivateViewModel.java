package app.registrar.ui.reactivate;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.model.PasswordPolicy;
import app.registrar.service.AccountService;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.DialogViewModel;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.NewPasswordViewModel;
import app.registrar.ui.common.OutcomeCheck;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Reactivation: a new password where the server keeps passwords, none where people sign in through SSO, and the
 * plain truth that rooms and emails do not come back.
 */
public final class ReactivateViewModel extends DialogViewModel {

    private final AccountService service;
    private final DialogService dialogs;
    private final String userId;
    private final boolean needsPassword;
    private final Runnable onDone;

    private final NewPasswordViewModel password;
    private final BooleanBinding canReactivate;
    private final OutcomeCheck outcome = new OutcomeCheck();
    private final boolean erased;

    public ReactivateViewModel(AccountService service, DialogService dialogs, String userId, PasswordPolicy policy,
                               boolean needsPassword, Runnable onDone) {
        this(service, dialogs, userId, policy, needsPassword, false, onDone);
    }

    /** @param erased whether the account was erased: reactivating clears that mark on Synapse, so the dialog warns */
    public ReactivateViewModel(AccountService service, DialogService dialogs, String userId, PasswordPolicy policy,
                               boolean needsPassword, boolean erased, Runnable onDone) {
        this.erased = erased;
        this.service = service;
        this.dialogs = dialogs;
        this.userId = userId;
        this.needsPassword = needsPassword;
        this.onDone = onDone;
        this.password = new NewPasswordViewModel(dialogs, policy, !needsPassword);
        canReactivate = busyProperty().not().and(outcome.unconfirmedProperty().not())
                .and(password.acceptableProperty().or(new SimpleBooleanProperty(!needsPassword)));
        watchInput(password.passwordProperty());
    }

    public void reactivate() {
        if (!canReactivate.get()) {
            return;
        }
        // Busy by hand: a lost answer is followed by a read-back, and the dialog stays busy until it is known.
        begin();
        boolean[] readingBack = {false};
        service.reactivate(userId, needsPassword ? password.get() : null)
                .onSuccess(user -> done())
                .onFailure(e -> {
                    fail(e);
                    if (OutcomeCheck.isLostAnswer(e)) {
                        readingBack[0] = true;
                        checkOutcome();
                    }
                })
                .andFinally(() -> {
                    // A read-back started by onFailure keeps the dialog busy until it ends itself.
                    if (!readingBack[0]) {
                        end();
                    }
                })
                .start();
    }

    private void done() {
        dialogs.notify(tr("reactivate.done", userId));
        password.clear();
        onDone.run();
        requestClose();
    }

    /**
     * The answer was lost: read the account back instead of sending again. Active means it worked; a failed
     * read-back leaves the outcome unknown, and Reactivate disabled until "Check again" tells.
     */
    private void checkOutcome() {
        keepBusy();
        service.getUser(userId)
                .onSuccess(user -> {
                    outcome.settled();
                    service.settleAudit(userId, !user.deactivated(), "reactivate").start();
                    if (!user.deactivated()) {
                        done();
                    } else {
                        showError(new ErrorReport(tr("reactivate.checked.not"), "", ""));
                    }
                })
                .onFailure(e -> {
                    showError(outcome.readBackFailed(e, this::checkOutcome));
                })
                .andFinally(this::end)
                .start();
    }

    public OutcomeCheck getOutcome() {
        return outcome;
    }

    public String getUserId() {
        return userId;
    }

    /**
     * The warning for an erased account, or "" for any other: Synapse clears the erased mark on reactivation
     * (checked against the real server), so the account's old messages are no longer hidden from newcomers.
     */
    public String getErasedWarning() {
        return erased ? tr("reactivate.erased") : "";
    }

    public boolean isNeedsPassword() {
        return needsPassword;
    }

    public NewPasswordViewModel getPassword() {
        return password;
    }

    public BooleanBinding canReactivateProperty() {
        return canReactivate;
    }
}
