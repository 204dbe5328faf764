package app.registrar;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.LoginSession;
import app.registrar.api.ServerInfo;
import app.registrar.service.AccountService;
import app.registrar.service.ConnectionService;
import app.registrar.service.RecentServers;
import app.registrar.service.UiTaskExecutor;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.FxDialogService;
import app.registrar.ui.common.Theme;
import app.registrar.ui.connect.ConnectView;
import app.registrar.ui.connect.ConnectViewModel;
import app.registrar.ui.main.MainView;
import app.registrar.ui.main.MainViewModel;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: wires services, view models and views, and switches between connect and main. */
public final class RegistrarApp extends Application {

    private UiTaskExecutor executor;
    private ConnectionService connection;
    private AccountService accounts;
    private DialogService dialogs;
    private RecentServers recent;
    private Stage stage;
    private MainViewModel main;

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        Theme.apply();
        executor = new UiTaskExecutor();
        connection = new ConnectionService(executor);
        accounts = new AccountService(executor, connection);
        dialogs = new FxDialogService(() -> stage, getHostServices());
        recent = new RecentServers(Preferences.userRoot().node(System.getProperty("registrar.prefs", "app/registrar/recent")));
        stage.setTitle(tr("app.title"));
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        stage.setWidth(1180);
        stage.setHeight(760);
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = RegistrarApp.class.getResourceAsStream("/app/registrar/icons/registrar-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon));
            }
        }
        showConnect();
        stage.show();
    }

    private void showConnect() {
        main = null;
        stage.setTitle(tr("app.title"));
        show(new ConnectView(new ConnectViewModel(connection, dialogs, recent, this::showMain)));
    }

    private void showMain(LoginSession session, ServerInfo server) {
        main = new MainViewModel(accounts, connection, dialogs, session, server, this::showConnect);
        stage.setTitle(tr("app.title.connected", server.host()));
        show(new MainView(main));
        main.start();
    }

    private void show(Parent root) {
        if (stage.getScene() == null) {
            Scene scene = new Scene(root);
            scene.getStylesheets().add(Theme.stylesheet());
            stage.setScene(scene);
        } else {
            stage.getScene().setRoot(root);
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
