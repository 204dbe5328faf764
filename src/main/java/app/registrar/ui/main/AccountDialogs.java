package app.registrar.ui.main;

import app.registrar.api.LoginSession;
import app.registrar.api.ServerInfo;
import app.registrar.api.UserDetails;
import app.registrar.service.AccountService;
import app.registrar.service.CleanupService;
import app.registrar.service.ConnectionService;
import app.registrar.service.SecurityService;
import app.registrar.store.Capabilities;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.conflicts.HolderCheck;
import app.registrar.ui.deactivate.DeactivateViewModel;
import app.registrar.ui.details.AccountDetailsViewModel;
import app.registrar.ui.edituser.EditUserViewModel;
import app.registrar.ui.password.ResetPasswordViewModel;
import app.registrar.ui.reactivate.ReactivateViewModel;
import app.registrar.ui.userlist.UserListViewModel;
import app.registrar.ui.welcome.PendingWelcome;
import app.registrar.ui.welcome.WelcomeViewModel;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The view models of the dialogs that change one account (create, edit, reset the password, welcome, deactivate,
 * reactivate), made for the main window: each is told what to record in the account's note and what to read
 * again once it succeeded, and a generated password waits for the welcome message here.
 */
final class AccountDialogs {

    private final AccountService accounts;
    private final ConnectionService connection;
    private final SecurityService security;
    private final DialogService dialogs;
    /** Read when a dialog is made: the main window may be built before the session exists. */
    private final Supplier<LoginSession> session;
    private final ServerInfo server;
    private final UserListViewModel list;
    private final AccountDetailsViewModel details;
    private final Consumer<String> openAccount;
    private final PendingWelcome pendingWelcome = new PendingWelcome();

    AccountDialogs(AccountService accounts, ConnectionService connection, SecurityService security, DialogService dialogs,
                   Supplier<LoginSession> session, ServerInfo server, UserListViewModel list,
                   AccountDetailsViewModel details,
                   Consumer<String> openAccount) {
        this.accounts = accounts;
        this.connection = connection;
        this.security = security;
        this.dialogs = dialogs;
        this.session = session;
        this.server = server;
        this.list = list;
        this.details = details;
        this.openAccount = openAccount;
    }

    private void changed() {
        list.refresh();
        details.reload();
    }

    EditUserViewModel newCreateAccount(String serverName) {
        PendingWelcome.Watch watch = new PendingWelcome.Watch();
        EditUserViewModel created = EditUserViewModel.forCreate(accounts, dialogs, serverName, session.get().userId(), server.passwordPolicy(),
                account -> {
                    pendingWelcome.offer(account.userId(), watch.generatedPasswordUsed());
                    list.refresh();
                    details.notes().recordCreated(account.userId());
                    details.show(account.userId());
                });
        watch.follow(created.getPassword());
        created.checkHoldersWith(new HolderCheck(security), openAccount);
        return created;
    }

    EditUserViewModel newEditAccount(UserDetails user) {
        EditUserViewModel edit = EditUserViewModel.forEdit(accounts, dialogs, session.get().userId(), server.passwordPolicy(), user, saved -> {
            if (saved.admin() != user.admin()) {
                details.recordAdminChanged(saved.userId(), saved.admin());
            } else {
                details.notes().recordSaved(saved.userId());
            }
            changed();
        });
        edit.checkHoldersWith(new HolderCheck(security), openAccount);
        return edit;
    }

    ResetPasswordViewModel newResetPassword(UserDetails user) {
        PendingWelcome.Watch watch = new PendingWelcome.Watch();
        // The note needs the choice made in the dialog; the dialog's model exists only once constructed.
        ResetPasswordViewModel[] made = new ResetPasswordViewModel[1];
        ResetPasswordViewModel reset = new ResetPasswordViewModel(accounts, dialogs, user.userId(), server.passwordPolicy(),
                managesPasswords(), () -> {
                    pendingWelcome.offer(user.userId(), watch.generatedPasswordUsed());
                    details.recordPasswordReset(user.userId(), made[0].logoutDevicesProperty().get());
                    details.reload();
                });
        made[0] = reset;
        watch.follow(reset.getPassword());
        return reset;
    }

    /**
     * The welcome message for {@code user}; it carries the password Registrar generated when the account was just
     * created or its password just reset here, once.
     */
    WelcomeViewModel newWelcome(UserDetails user) {
        String provider = null;
        if (!user.externalIds().isEmpty()) {
            String id = user.externalIds().get(0).authProvider();
            provider = security.knownRecoveryOptions().map(o -> o.identityProviders().getOrDefault(id, id)).orElse(id);
        }
        return new WelcomeViewModel(dialogs, server.address(), user.userId(),
                user.displayName(), provider, pendingWelcome.take(user.userId()));
    }

    /** {@code serverName} lets the admin type the bare name of an account of this server to confirm. */
    DeactivateViewModel newDeactivate(UserDetails user, String serverName) {
        DeactivateViewModel[] made = new DeactivateViewModel[1];
        made[0] = new DeactivateViewModel(accounts, dialogs, user.userId(), session.get().userId(), serverName, () -> {
            details.notes().recordDeactivated(user.userId(), made[0].eraseProperty().get());
            changed();
        });
        return made[0].withCleanup(new CleanupService(accounts.executor(), connection));
    }

    ReactivateViewModel newReactivate(UserDetails user) {
        return new ReactivateViewModel(accounts, dialogs, user.userId(), server.passwordPolicy(),
                managesPasswords(), user.erased(), () -> {
                    details.notes().recordReactivated(user.userId());
                    changed();
                });
    }

    /** Whether passwords can be set here: Synapse's own, or MAS's when MAS owns the accounts. */
    private boolean managesPasswords() {
        Capabilities capabilities = accounts.capabilities();
        return capabilities.accountsInMas() ? capabilities.passwordsInMas() : server.managesPasswords();
    }
}
