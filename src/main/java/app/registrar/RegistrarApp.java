package app.registrar;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.CertificatePins;
import app.registrar.api.ErrorCategory;
import app.registrar.api.LoginSession;
import app.registrar.api.Network;
import app.registrar.api.Redactor;
import app.registrar.api.ServerInfo;
import app.registrar.audit.AuditTrail;
import app.registrar.service.AccountService;
import app.registrar.service.ConnectionService;
import app.registrar.service.KeychainCredentialStore;
import app.registrar.service.LastSession;
import app.registrar.service.LazyCredentialStore;
import app.registrar.service.RecentServers;
import app.registrar.service.UiTaskExecutor;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.view.FxDialogService;
import app.registrar.ui.common.I18n;
import app.registrar.ui.common.view.LanguageMenu;
import app.registrar.ui.common.LanguageSetting;
import app.registrar.ui.common.ProxyQuestions;
import app.registrar.ui.common.view.Theme;
import app.registrar.ui.connect.view.ConnectView;
import app.registrar.ui.connect.ConnectViewModel;
import app.registrar.ui.main.view.MainView;
import app.registrar.ui.main.MainViewModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The JavaFX application: wires services, view models and views, and switches between connect and main. */
public final class RegistrarApp extends Application {

    /** How a web page is opened (the browser sign-ins): null for the system browser through HostServices. */
    private final Consumer<String> browser;

    public RegistrarApp() {
        this(null);
    }

    /**
     * The app with its own way of opening a web page, for tests that play the person's browser (the system browser
     * cannot be driven from a test); everything else is the app as shipped.
     */
    public RegistrarApp(Consumer<String> browser) {
        this.browser = browser;
    }

    private UiTaskExecutor executor;
    private Network network;
    private ConnectionService connection;
    private AccountService accounts;
    private DialogService dialogs;
    private RecentServers recent;
    private Stage stage;
    private MainViewModel main;
    private LanguageSetting language;
    // What the main window shows, so a change of language can build it again for the same session.
    private LoginSession shownSession;
    private ServerInfo shownServer;
    /** The main window built before its session (while the admin typed, or during the password check), waiting for it. */
    private Prepared prepared;
    /** The connect screen's view model while that screen is shown, else null. */
    private ConnectViewModel connect;

    /** A main window built ahead of its session, for {@code server}, in a scene of its own already styled. */
    private record Prepared(ServerInfo server, MainViewModel model, MainView view, Scene scene) {
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        Theme.apply();
        executor = new UiTaskExecutor();
        Preferences prefs = Preferences.userRoot().node(System.getProperty("registrar.prefs", "app/registrar/recent"));
        // The language chosen in Registrar (remembered), else the system's; set before any screen is built.
        language = new LanguageSetting(prefs, Locale.getDefault());
        I18n.use(language.effective());
        dialogs = browser == null ? new FxDialogService(() -> stage, getHostServices()) : FxDialogService.withBrowser(() -> stage, browser);
        // Pinned certificates (fingerprints, not secrets) live beside the other preferences; a proxy's password
        // question is put on the JavaFX thread while the worker that met the proxy waits.
        network = new Network(CertificatePins.inPreferences(Preferences.userRoot()
                .node(System.getProperty("registrar.trust.prefs", Network.PINS_NODE))),
                new ProxyQuestions(dialogs, task -> {
                    if (Platform.isFxApplicationThread()) {
                        task.run();
                    } else {
                        Platform.runLater(task);
                    }
                }));
        // Every change any screen sends is recorded in the server's audit log first (see docs/audit.md).
        String auditDirectory = System.getProperty("registrar.audit.dir");
        AuditTrail audit = AuditTrail.in(auditDirectory != null ? Path.of(auditDirectory) : AuditTrail.defaultDirectory());
        // A lambda, not a method reference: linking a method reference loads KeychainCredentialStore and with it the
        // keychain library, whose jar is signed; checking that signature cost ~100 ms before the first window.
        connection = new ConnectionService(executor, new LazyCredentialStore(() -> KeychainCredentialStore.openOrMemory()),
                new LastSession(prefs), network, audit);
        accounts = new AccountService(executor, connection);
        recent = new RecentServers(prefs);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> reportCrash(error));
        stage.setTitle(tr("app.title"));
        // Below this the toolbar's buttons would have to shrink to "…"; 1024×700 screens still fit it.
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setWidth(1180);
        stage.setHeight(760);
        showConnect();
        stage.show();
        // After show: the window's icons are for the task bar and the window manager, not for the first screen, and
        // their decoding would take a core from the first styling pass on a machine with two (issue 15).
        loadIcons();
        // The keychain is read on a worker; a session found there is restored instead of asking to sign in.
        connection.findRestorableSession().onSuccess(found -> found.filter(last -> main == null).ifPresent(this::restore)).start();
        // While the admin types, do the first request's one-time work (trust stores, HTTP and JSON classes).
        Thread warmUp = new Thread(network::warmUp, "registrar-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    /**
     * Decodes the window's icons on a thread of its own and gives them to the window when ready: six PNGs up to 256
     * pixels are work the first window need not wait for.
     */
    private void loadIcons() {
        Thread icons = new Thread(() -> {
            List<Image> images = new ArrayList<>();
            for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
                var icon = RegistrarApp.class.getResourceAsStream("/app/registrar/icons/registrar-" + size + ".png");
                if (icon != null) {
                    images.add(new Image(icon));
                }
            }
            Platform.runLater(() -> stage.getIcons().setAll(images));
        }, "registrar-icons");
        icons.setDaemon(true);
        icons.start();
    }

    /** Signs in again with the token in the keychain; a token the server no longer takes leads to the sign-in. */
    private void restore(LastSession.Entry last) {
        connect = null;
        dropPrepared();
        String who = last.userId();
        Label text = new Label(tr("session.restoring", who));
        VBox waiting = new VBox(12, new ProgressIndicator(), text);
        waiting.setAlignment(Pos.CENTER);
        show(waiting);
        connection.restore()
                .onSuccess(restored -> showMain(restored.session(), restored.server()))
                .onFailure(error -> {
                    showConnect();
                    if (error.category() == ErrorCategory.TOKEN_INVALID) {
                        dialogs.notify(tr("session.restore.failed"));
                    } else {
                        dialogs.showError(tr("dialog.error.title"), ErrorMessages.describe(error));
                    }
                })
                .start();
    }

    /** Last resort for a bug: a plain message, the scrubbed details, and the app keeps running. */
    private void reportCrash(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String details = Redactor.scrub(trace.toString());
        System.getLogger(RegistrarApp.class.getName()).log(System.Logger.Level.ERROR, details);
        Runnable show = () -> dialogs.showError(tr("crash.title"),
                new ErrorReport(tr("crash.message"), tr("crash.next"), details));
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    private void showConnect() {
        if (main != null) {
            main.close();
        }
        main = null;
        dropPrepared();
        stage.setTitle(tr("app.title"));
        ConnectViewModel model = new ConnectViewModel(connection, dialogs, recent, this::showMain);
        connect = model;
        // Only for the connect screen still shown: a session restored from the keychain meanwhile replaces it.
        model.prepareFor(server -> {
            if (connect == model) {
                prepareMain(server);
            }
        });
        show(new ConnectView(model));
        model.lookAhead();
    }

    /**
     * Builds, styles and lays out the main window before the session is there: once the server was found while the
     * admin types the password, else while the password check is on the server (a third of a second at Synapse's
     * default bcrypt cost). The window's first styling pass is most of the JavaFX thread's work after signing in;
     * here it overlaps the admin's typing or the server's work instead of following it.
     */
    private void prepareMain(ServerInfo server) {
        if (main != null || (prepared != null && prepared.server() == server)) {
            return;
        }
        dropPrepared();
        MainViewModel model = new MainViewModel(accounts, connection, dialogs, server, this::showConnect);
        MainView view = mainView(model);
        Scene scene = newScene(view);
        view.prepare(scene.getWidth(), scene.getHeight());
        prepared = new Prepared(server, model, view, scene);
    }

    private void dropPrepared() {
        if (prepared != null) {
            prepared.model().close();
            prepared = null;
        }
    }

    private void showMain(LoginSession session, ServerInfo server) {
        connect = null;
        shownSession = session;
        shownServer = server;
        if (main != null) {
            main.close();
        }
        stage.setTitle(tr("app.title.connected", server.host()));
        if (prepared != null && prepared.server() == server) {
            main = prepared.model();
            main.start(session);
            stage.setScene(prepared.scene());
            prepared = null;
            return;
        }
        dropPrepared();
        main = new MainViewModel(accounts, connection, dialogs, session, server, this::showConnect);
        // The first page is asked for before the main view is built, so the request runs while the view is built
        // and laid out; its answer comes back through the JavaFX thread, so never before the view is in place.
        main.start();
        show(mainView(main));
    }

    private MainView mainView(MainViewModel model) {
        MainView view = new MainView(model);
        view.addHeaderItem(new LanguageMenu(language, this::relabel));
        return view;
    }

    private void show(Parent root) {
        stage.setScene(newScene(root));
    }

    private Scene newScene(Parent root) {
        // A new scene for each screen: a scene keeps the Alt shortcuts of field labels that left it, so the
        // sign-in's "_Password" would still hold Alt+P and take it from the main window's Reset password.
        Scene old = stage.getScene();
        Scene scene = old == null ? new Scene(root) : new Scene(root, old.getWidth(), old.getHeight());
        scene.getStylesheets().add(Theme.stylesheet());
        return scene;
    }

    /** Builds the current screen again in the language just chosen; the session stays as it is. */
    private void relabel() {
        if (main != null) {
            showMain(shownSession, shownServer);
        } else {
            showConnect();
        }
    }

    /** The main window's view model while signed in (tests drive it). */
    public MainViewModel mainViewModel() {
        return main;
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
        }
    }
}
