package app.registrar.ui.fx;

import static app.registrar.testing.FxWorkers.awaitFx;
import static app.registrar.testing.FxWorkers.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.CertificatePins;
import app.registrar.api.Network;
import app.registrar.api.ProxyPrompt;
import app.registrar.service.ConnectionService;
import app.registrar.service.LastSession;
import app.registrar.service.MemoryCredentialStore;
import app.registrar.service.RecentServers;
import app.registrar.service.UiTaskExecutor;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FxWorkers;
import app.registrar.testing.Screenshots;
import app.registrar.ui.common.view.Theme;
import app.registrar.ui.connect.ConnectViewModel;
import app.registrar.ui.connect.ConnectViewModel.Method;
import app.registrar.ui.connect.view.ConnectView;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connect screen itself: each sign-in method's fields, the error area, the spinner and Cancel. Issue 15 makes
 * the parts that are not on screen at first (the other methods' fields, the error area, the spinner) only when they
 * are first needed, so the first window is styled sooner; these tests hold that every one of them still appears
 * when needed and still feeds the view model. The view model works on real worker threads.
 */
class ConnectViewFxTest {

    private final FakeDialogService dialogs = new FakeDialogService();
    private Preferences prefs;
    private UiTaskExecutor executor;
    private ConnectViewModel model;
    private Stage stage;

    @BeforeEach
    void setUp() {
        FxWorkers.startToolkit();
        prefs = Preferences.userRoot().node("app/registrar/test/" + UUID.randomUUID());
        executor = new UiTaskExecutor(2);
    }

    /** The connect screen as the app shows it, in a window of the app's size. */
    private void open() {
        Network network = new Network(CertificatePins.inPreferences(prefs.node("trust")), ProxyPrompt.NONE);
        ConnectionService connection = new ConnectionService(executor, new MemoryCredentialStore(), LastSession.inMemory(),
                network);
        model = new ConnectViewModel(connection, dialogs, new RecentServers(prefs), (session, info) -> { });
        onFx(() -> {
            Theme.apply();
            stage = new Stage();
            Scene scene = new Scene(new ConnectView(model), 1180, 760);
            scene.getStylesheets().add(Theme.stylesheet());
            stage.setScene(scene);
            stage.show();
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        if (stage != null) {
            onFx(() -> stage.hide());
        }
        executor.shutdown();
        prefs.removeNode();
    }

    @Test
    void everySignInMethodShowsItsOwnFieldsAndFillsTheViewModel() {
        open();
        // Password, the method chosen at start.
        type("#user", "admin");
        type("#password", "Pass-1");
        assertThat(onFx(() -> model.userProperty().get() + " " + model.passwordProperty().get())).isEqualTo("admin Pass-1");
        assertShown("#user", "#password");
        assertNotShown("#token", "#clientId", "#clientSecret");
        onFx(() -> Screenshots.save(stage.getScene(), "connect-password"));

        choose("#methodToken", Method.TOKEN);
        type("#token", "syt_token");
        assertThat(onFx(() -> model.tokenProperty().get())).isEqualTo("syt_token");
        assertShown("#token");
        assertNotShown("#user", "#password", "#clientId", "#clientSecret");
        onFx(() -> Screenshots.save(stage.getScene(), "connect-token"));

        choose("#methodSso", Method.SSO);
        assertNotShown("#user", "#password", "#token", "#clientId", "#clientSecret");
        assertThat(onFx(() -> shownTexts())).anyMatch(text -> text.contains(app.registrar.ui.common.I18n.tr("connect.sso.help")));
        onFx(() -> Screenshots.save(stage.getScene(), "connect-sso"));

        choose("#methodClient", Method.CLIENT);
        type("#clientId", "registrar-admin");
        type("#clientSecret", "client-secret-1");
        assertThat(onFx(() -> model.clientIdProperty().get() + " " + model.clientSecretProperty().get()))
                .isEqualTo("registrar-admin client-secret-1");
        assertShown("#clientId", "#clientSecret");
        assertNotShown("#user", "#password", "#token");
        onFx(() -> Screenshots.save(stage.getScene(), "connect-client"));

        // Back to the password: what was typed there is still in its fields.
        choose("#methodPassword", Method.PASSWORD);
        assertShown("#user", "#password");
        assertThat(onFx(() -> ((TextInputControl) stage.getScene().lookup("#password")).getText())).isEqualTo("Pass-1");
        assertNotShown("#token", "#clientId", "#clientSecret");
    }

    @Test
    void aRefusedServerShowsTheErrorAreaWithItsSentence() {
        open();
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = closed.getLocalPort();
            closed.close();
            onFx(() -> model.serverProperty().set("http://127.0.0.1:" + port));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        type("#user", "admin");
        type("#password", "Pass-1");
        onFx(() -> ((Button) stage.getScene().lookup("#signIn")).fire());
        awaitFx("the error of the refused connection", () -> model.getError() != null && !model.isBusy());

        String sentence = onFx(() -> model.getError().message());
        awaitFx("the error area on screen", () -> shownTexts().contains(sentence));
        onFx(() -> Screenshots.save(stage.getScene(), "connect-error"));
    }

    @Test
    void whileSigningInTheSpinnerAndCancelShowAndCancelStopsIt() throws Exception {
        open();
        // A server that takes the connection and never answers keeps the sign-in busy until it is cancelled.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            accept.setDaemon(true);
            accept.start();
            onFx(() -> model.serverProperty().set("http://127.0.0.1:" + silent.getLocalPort()));
            type("#user", "admin");
            type("#password", "Pass-1");
            onFx(() -> ((Button) stage.getScene().lookup("#signIn")).fire());
            awaitFx("the spinner and Cancel", () -> model.isBusy() && spinnerShown() && cancelButton() != null);
            onFx(() -> Screenshots.save(stage.getScene(), "connect-busy"));

            onFx(() -> cancelButton().fire());
            awaitFx("the sign-in stopped", () -> !model.isBusy());
            awaitFx("the spinner and Cancel gone", () -> !spinnerShown() && cancelButton() == null);
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void theServerFieldOffersTheServersSignedInToBeforeAndIsAPlainFieldWithoutThem() {
        open();
        assertThat(onFx(() -> stage.getScene().lookup("#server"))).isInstanceOf(TextField.class);
        type("#server", "matrix.example.org");
        assertThat(onFx(() -> model.serverProperty().get())).isEqualTo("matrix.example.org");
        onFx(() -> stage.hide());

        new RecentServers(prefs).remember("https://matrix.example.org", "admin");
        new RecentServers(prefs).remember("https://synapse.example.net", "ops");
        open();
        @SuppressWarnings("unchecked")
        ComboBox<String> server = onFx(() -> (ComboBox<String>) stage.getScene().lookup("#server"));
        assertThat(onFx(() -> List.copyOf(server.getItems())))
                .containsExactlyInAnyOrder("https://matrix.example.org", "https://synapse.example.net");
        onFx(() -> server.setValue("https://matrix.example.org"));
        assertThat(onFx(() -> model.serverProperty().get() + " " + model.userProperty().get()))
                .isEqualTo("https://matrix.example.org admin");
        onFx(() -> Screenshots.save(stage.getScene(), "connect-recent"));
    }

    private void choose(String toggle, Method method) {
        onFx(() -> ((ToggleButton) stage.getScene().lookup(toggle)).fire());
        assertThat(onFx(() -> model.methodProperty().get())).isEqualTo(method);
    }

    private void type(String id, String text) {
        onFx(() -> {
            stage.getScene().getRoot().applyCss();
            ((TextInputControl) stage.getScene().lookup(id)).setText(text);
        });
    }

    private void assertShown(String... ids) {
        for (String id : ids) {
            assertThat(onFx(() -> shown(stage.getScene().lookup(id)))).as(id + " shown").isTrue();
        }
    }

    private void assertNotShown(String... ids) {
        for (String id : ids) {
            assertThat(onFx(() -> shown(stage.getScene().lookup(id)))).as(id + " not shown").isFalse();
        }
    }

    /** On screen: in the scene, and it and all its parents visible. */
    private static boolean shown(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return node != null;
    }

    private List<String> shownTexts() {
        List<String> texts = new ArrayList<>();
        for (Node node : stage.getScene().getRoot().lookupAll(".label")) {
            if (shown(node) && node instanceof Labeled labeled && labeled.getText() != null) {
                texts.add(labeled.getText());
            }
        }
        return texts;
    }

    private boolean spinnerShown() {
        return stage.getScene().getRoot().lookupAll(".progress-indicator").stream()
                .anyMatch(node -> node instanceof ProgressIndicator && shown(node));
    }

    private Button cancelButton() {
        String cancel = app.registrar.ui.common.I18n.tr("connect.cancel");
        return stage.getScene().getRoot().lookupAll(".button").stream()
                .filter(node -> node instanceof Button button && cancel.equals(button.getText()) && shown(button))
                .map(Button.class::cast).findFirst().orElse(null);
    }
}
