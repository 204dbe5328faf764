package app.registrar.ui.main;

import app.registrar.api.LoginSession;
import app.registrar.api.ServerInfo;
import app.registrar.api.UserDetails;
import app.registrar.bulk.BulkService;
import app.registrar.bulk.ImportJournal;
import app.registrar.service.AccountService;
import app.registrar.service.AuditService;
import app.registrar.service.ConnectionService;
import app.registrar.service.SecurityService;
import app.registrar.ui.audit.AuditViewModel;
import app.registrar.ui.audit.RecentChangesViewModel;
import app.registrar.ui.bulk.BulkActionViewModel;
import app.registrar.ui.bulk.ExportViewModel;
import app.registrar.ui.bulk.ImportViewModel;
import app.registrar.ui.bulk.InactiveAccountsViewModel;
import app.registrar.ui.common.Confirmation;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.deactivate.DeactivateViewModel;
import app.registrar.ui.details.AccountDetailsViewModel;
import app.registrar.ui.edituser.EditUserViewModel;
import app.registrar.ui.encryption.EncryptionViewModel;
import app.registrar.ui.insights.InsightsViewModel;
import app.registrar.ui.invites.InvitesViewModel;
import app.registrar.ui.password.ResetPasswordViewModel;
import app.registrar.ui.reactivate.ReactivateViewModel;
import app.registrar.ui.reauth.ReauthViewModel;
import app.registrar.ui.userlist.UserListViewModel;
import app.registrar.ui.userlist.UserRowViewModel;
import app.registrar.ui.welcome.WelcomeViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import static app.registrar.ui.common.I18n.tr;

/**
 * The main window once signed in: the account list, the details of the selected account, and the dialogs they
 * open. Creates each dialog's view model; the view decides how to show it.
 */
public final class MainViewModel {

    private final AccountService accounts;
    private final ConnectionService connection;
    private final DialogService dialogs;
    /** Null until {@link #start(LoginSession)}: the window may be built while the password check is on the server. */
    private LoginSession session;
    private final ServerInfo server;
    private final Runnable onSignedOut;
    private final UserListViewModel list;
    private final AccountDetailsViewModel details;
    private final BulkService bulk;
    private final SecurityService security;
    private final EncryptionViewModel encryption;
    private final AccountDialogs accountDialogs;
    /** An account to open beside a dialog (the holder of a conflicting email or SSO identity); the view shows it. */
    private final ReadOnlyStringWrapper accountToOpen = new ReadOnlyStringWrapper();
    private final AuditService audit;
    private final RecentChangesViewModel recentChanges;
    private final ReadOnlyBooleanWrapper sessionExpired = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper signedInText = new ReadOnlyStringWrapper("");

    public MainViewModel(AccountService accounts, ConnectionService connection, DialogService dialogs,
                         LoginSession session, ServerInfo server, Runnable onSignedOut) {
        this(accounts, connection, dialogs, server, onSignedOut);
        use(session);
    }

    /**
     * The main window for {@code server} before anyone is signed in to it, so it can be built and styled while the
     * password check is still on the server; {@link #start(LoginSession)} then gives it the session.
     */
    public MainViewModel(AccountService accounts, ConnectionService connection, DialogService dialogs,
                         ServerInfo server, Runnable onSignedOut) {
        this.accounts = accounts;
        this.connection = connection;
        this.dialogs = dialogs;
        this.server = server;
        this.onSignedOut = onSignedOut;
        this.list = new UserListViewModel(accounts);
        this.details = new AccountDetailsViewModel(accounts, dialogs, list::refresh);
        this.bulk = new BulkService(accounts.executor(), connection);
        this.security = new SecurityService(accounts.executor(), connection);
        this.encryption = new EncryptionViewModel(security, dialogs, server.managesPasswords(),
                server.managedByMas(), Instant::now);
        details.userProperty().addListener((obs, old, shown) -> encryption.show(shown));
        this.audit = new AuditService(accounts.executor(), connection);
        this.recentChanges = new RecentChangesViewModel(audit, details.userProperty());
        this.accountDialogs = new AccountDialogs(accounts, connection, security, dialogs, () -> this.session, server, list, details,
                this::openAccount);
        // An empty selection (the list reloaded, or the account left the filtered list after deactivation)
        // keeps the last account in the details, so its next action is still one click away.
        list.getSelection().addListener((ListChangeListener<UserRowViewModel>) change -> {
            UserRowViewModel first = list.getSelection().isEmpty() ? null : list.getSelection().get(0);
            if (first != null && !first.isLoading() && !first.getUserId().equals(details.getUserId())) {
                details.show(first.getUserId());
            }
        });
    }

    /** Lets go of what outlives this window (the audit trail's listener) when a new main window replaces it. */
    public void close() {
        recentChanges.close();
    }

    /** Takes the session it was built ahead of, then {@link #start()}. */
    public void start(LoginSession signedIn) {
        use(signedIn);
        start();
    }

    /** Loads the first page and starts watching for an expired session. */
    public void start() {
        if (session == null) {
            throw new IllegalStateException("no session yet: start(LoginSession)");
        }
        connection.onSessionExpired(() -> sessionExpired.set(true));
        // Once the list was read again after the homeserver stopped answering, the open account is read again too.
        list.staleProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                details.reload();
            }
        });
        list.refresh();
    }

    /** True while the server no longer accepts the session; the view then asks for the password again. */
    public ReadOnlyBooleanProperty sessionExpiredProperty() {
        return sessionExpired.getReadOnlyProperty();
    }

    /** The dialog that signs the same admin in again on the same connection. */
    public ReauthViewModel newReauth() {
        return new ReauthViewModel(connection, dialogs, session.userId(), () -> {
            sessionExpired.set(false);
            list.refresh();
            details.reload();
        });
    }

    /** The sign-in-again dialog closed, signed in or not: the next refused call asks again. */
    public void reauthClosed() {
        sessionExpired.set(false);
    }

    /** Leaves without asking: the session is no longer valid on the server anyway. */
    public void forgetExpiredSession() {
        sessionExpired.set(false);
        connection.signOut(false).andFinally(onSignedOut).start();
    }

    /** False when the token is kept in memory only (no usable keychain on this computer). */
    public boolean isSessionRemembered() {
        return connection.remembersSessions();
    }

    /** Says, for this computer's system, how to make Registrar remember the sign-in next time. */
    public void explainRemembering() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String key = os.contains("win") ? "session.remember.windows" : os.contains("mac") ? "session.remember.mac"
                : "session.remember.linux";
        dialogs.showInformation(tr("session.remember.title"), tr(key));
    }

    public EditUserViewModel newCreateAccount() {
        return accountDialogs.newCreateAccount(serverName());
    }

    public EditUserViewModel newEditAccount(UserDetails user) {
        return accountDialogs.newEditAccount(user);
    }

    /** Asks the view to show {@code userId} in a window of its own, beside the dialog that named it. */
    public void openAccount(String userId) {
        accountToOpen.set(null);
        accountToOpen.set(userId);
    }

    public ReadOnlyStringProperty accountToOpenProperty() {
        return accountToOpen.getReadOnlyProperty();
    }

    /** A details panel of its own for an account opened beside a dialog. */
    public AccountDetailsViewModel newAccountView(String userId) {
        AccountDetailsViewModel view = new AccountDetailsViewModel(accounts, dialogs, list::refresh);
        view.show(userId);
        return view;
    }

    public ResetPasswordViewModel newResetPassword(UserDetails user) {
        return accountDialogs.newResetPassword(user);
    }

    /**
     * The welcome message for {@code user}; it carries the password Registrar generated when the account was just
     * created or its password just reset here, once.
     */
    public WelcomeViewModel newWelcome(UserDetails user) {
        return accountDialogs.newWelcome(user);
    }

    public DeactivateViewModel newDeactivate(UserDetails user) {
        return accountDialogs.newDeactivate(user, serverName());
    }

    public ReactivateViewModel newReactivate(UserDetails user) {
        return accountDialogs.newReactivate(user);
    }

    /** Asks where the current list is exported to. */
    public Optional<Path> chooseExportFile() {
        return dialogs.chooseCsvToWrite(tr("bulk.file.save"), "accounts-" + serverName().replace(':', '_') + ".csv");
    }

    /** Asks which CSV file to import. */
    public Optional<Path> chooseImportFile() {
        return dialogs.chooseCsvToRead();
    }

    public ExportViewModel newExport() {
        return new ExportViewModel(bulk, dialogs);
    }

    public ImportViewModel newImport() {
        return new ImportViewModel(bulk, dialogs, ImportJournal.defaultDirectory());
    }

    public BulkActionViewModel newBulkAction(List<String> userIds) {
        return new BulkActionViewModel(bulk, dialogs, userIds);
    }

    /** The audit trail of this server, for its screen. */
    public AuditViewModel newAudit() {
        return new AuditViewModel(audit).withDialogs(dialogs, serverName());
    }

    /** The last changes recorded on the account shown in the details. */
    public RecentChangesViewModel getRecentChanges() {
        return recentChanges;
    }

    public InsightsViewModel newInsights() {
        return new InsightsViewModel(bulk, dialogs);
    }

    public InactiveAccountsViewModel newInactive() {
        return new InactiveAccountsViewModel(bulk, dialogs);
    }

    /** Refreshes the list and the details after bulk work changed accounts. */
    public void afterBulkWork() {
        list.refresh();
        details.reload();
    }

    /** Asks whether to end the session on the server or only forget it here, then signs out. */
    public void signOut() {
        DialogService.Choice choice = dialogs.choose(new Confirmation(tr("main.sign.out.title"), tr("main.sign.out.header"),
                tr("main.sign.out.text"), tr("main.sign.out.end"), tr("edit.cancel"), false), tr("main.sign.out.forget"));
        if (choice == DialogService.Choice.CANCEL) {
            return;
        }
        connection.signOut(choice == DialogService.Choice.ACTION)
                .andFinally(onSignedOut)
                .start();
    }

    /** The server part of new user IDs: MAS's server name when MAS owns the accounts (a client has no user ID). */
    public String serverName() {
        return connection.session().isPresent() ? connection.serverName()
                : session.userId().substring(session.userId().indexOf(':') + 1);
    }

    public String getSignedInText() {
        return signedInText.get();
    }

    /** Who is signed in where; empty until the session is there. */
    public ReadOnlyStringProperty signedInTextProperty() {
        return signedInText.getReadOnlyProperty();
    }

    private void use(LoginSession signedIn) {
        session = Objects.requireNonNull(signedIn);
        signedInText.set(tr("main.signed.in", signedIn.userId(), server.host()
                + (server.serverVersion() == null ? "" : " · Synapse " + server.serverVersion())));
    }

    public UserListViewModel getList() {
        return list;
    }

    public AccountDetailsViewModel getDetails() {
        return details;
    }

    /** The invitations screen (registration tokens). */
    public InvitesViewModel newInvites() {
        return new InvitesViewModel(security, dialogs, server.address(), serverName(),
                Instant::now, ZoneId.systemDefault());
    }

    /** The security and recovery part of the details panel (issue 12). */
    public EncryptionViewModel getEncryption() {
        return encryption;
    }

    public SecurityService security() {
        return security;
    }
}
