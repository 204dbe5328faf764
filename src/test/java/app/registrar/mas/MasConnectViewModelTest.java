package app.registrar.mas;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.LoginSession;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.RecentServers;
import app.registrar.service.TaskExecutor;
import app.registrar.service.UiTaskExecutor;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FxWorkers;
import app.registrar.testing.MasBrowser;
import app.registrar.testing.MasExtension;
import app.registrar.testing.MasSignedIn;
import app.registrar.testing.TestMas;
import app.registrar.ui.connect.ConnectViewModel.Method;
import app.registrar.ui.connect.ConnectViewModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The connect screen on a MAS server, against the real MAS stack: browser sign-in, client ID and secret, refusals. */
@ExtendWith(MasExtension.class)
class MasConnectViewModelTest {

    private final Preferences prefs = Preferences.userRoot().node("app/registrar/test/" + UUID.randomUUID());
    private final List<LoginSession> connected = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<MasBrowser.Outcome>> browsers = new CopyOnWriteArrayList<>();

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
    }


    private ConnectViewModel model(TaskExecutor executor, FakeDialogService dialogs) {
        return new ConnectViewModel(new ConnectionService(executor), dialogs, new RecentServers(prefs), (session, server) -> connected.add(session));
    }

    @Test
    void singleSignOnOnAMasServerSignsInThroughMasInTheBrowser(TestMas mas) {
        FakeDialogService dialogs = MasSignedIn.browserAs(mas.adminLocalpart(), mas.adminPassword(), browsers);
        ConnectViewModel model = model(new CurrentThreadTaskExecutor(), dialogs);
        model.serverProperty().set(mas.synapseUrl().toString());
        model.methodProperty().set(Method.SSO);

        model.signIn();
        browsers.forEach(CompletableFuture::join);

        assertThat(dialogs.browsed).singleElement().asString().startsWith(mas.masUrl() + "authorize");
        assertThat(model.getError()).isNull();
        assertThat(connected).extracting(LoginSession::userId).containsExactly(mas.adminUser());
        assertThat(model.noticeProperty().get()).isEqualTo(tr("connect.mas"));
    }

    @Test
    void clientIdAndSecretSignInWorksOnARealWorkerThread(TestMas mas) throws Exception {
        // The app's executor: work on a worker pool, callbacks on the JavaFX thread.
        UiTaskExecutor executor = FxWorkers.executor();
        CompletableFuture<ConnectViewModel> created = new CompletableFuture<>();
        Platform.runLater(() -> {
            ConnectViewModel model = model(executor, new FakeDialogService());
            model.serverProperty().set(mas.synapseUrl().toString());
            model.methodProperty().set(Method.CLIENT);
            model.clientIdProperty().set(mas.adminClientId());
            model.clientSecretProperty().set(mas.adminClientSecret());
            model.signIn();
            created.complete(model);
        });
        ConnectViewModel model = created.get(10, TimeUnit.SECONDS);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (onFx(model::isBusy) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(onFx(model::getError)).isNull();
        assertThat(connected).hasSize(1);
        assertThat(onFx(() -> model.clientSecretProperty().get())).as("the secret is forgotten").isEmpty();
        executor.shutdown();
    }

    @Test
    void cancellingWhileTheBrowserIsOpenStopsWaitingAndClosesTheLoopback(TestMas mas) throws Exception {
        UiTaskExecutor executor = FxWorkers.executor();
        FakeDialogService dialogs = new FakeDialogService();
        CompletableFuture<String> opened = new CompletableFuture<>();
        dialogs.browser = opened::complete; // the admin never finishes in the browser
        ConnectViewModel model = FxWorkers.onFx(() -> {
            ConnectViewModel m = model(executor, dialogs);
            m.serverProperty().set(mas.synapseUrl().toString());
            m.methodProperty().set(Method.SSO);
            m.signIn();
            return m;
        });
        int port = HttpUrl.get(HttpUrl.get(opened.get(30, TimeUnit.SECONDS)).queryParameter("redirect_uri")).port();
        FxWorkers.awaitFx("waiting for the browser", () -> tr("connect.mas.waiting").equals(model.progressProperty().get()));
        assertThat(listening(port)).as("the loopback listens while the browser is open").isTrue();

        FxWorkers.onFx(model::cancel);

        FxWorkers.awaitFx("not busy", () -> !model.isBusy());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (listening(port) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(listening(port)).as("port %d still listening after Cancel", port).isFalse();
        assertThat(FxWorkers.onFx(model::getError)).isNull();
        assertThat(connected).isEmpty();
        executor.shutdown();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static <T> T onFx(Supplier<T> read) throws Exception {
        CompletableFuture<T> value = new CompletableFuture<>();
        Platform.runLater(() -> value.complete(read.get()));
        return value.get(10, TimeUnit.SECONDS);
    }

    @Test
    void passwordOnAMasServerSaysHowToSignInInsteadAndKeepsWhatWasTyped(TestMas mas) {
        ConnectViewModel model = model(new CurrentThreadTaskExecutor(), new FakeDialogService());
        model.serverProperty().set(mas.synapseUrl().toString());
        model.userProperty().set(mas.adminLocalpart());
        model.passwordProperty().set(mas.adminPassword());

        model.signIn();

        assertThat(connected).isEmpty();
        assertThat(model.getError().message()).isEqualTo(tr("connect.mas.use.browser"));
        assertThat(model.getError().nextStep()).contains("Single sign-on", "Client ID");
        assertThat(model.passwordProperty().get()).isEqualTo(mas.adminPassword());
    }

    @Test
    void missingClientSecretIsAskedForBeforeAnythingIsSent(TestMas mas) {
        FakeDialogService dialogs = new FakeDialogService();
        ConnectViewModel model = model(new CurrentThreadTaskExecutor(), dialogs);
        model.serverProperty().set(mas.synapseUrl().toString());
        model.methodProperty().set(Method.CLIENT);
        model.clientIdProperty().set(mas.adminClientId());

        model.signIn();

        assertThat(model.secretProblemProperty().get()).isEqualTo(tr("connect.missing.client.secret"));
        assertThat(model.isBusy()).isFalse();
    }
}
