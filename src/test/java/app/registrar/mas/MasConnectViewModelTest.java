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
import app.registrar.testing.MasBrowser;
import app.registrar.testing.MasExtension;
import app.registrar.testing.TestMas;
import app.registrar.ui.connect.ConnectViewModel;
import app.registrar.ui.connect.ConnectViewModel.Method;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;

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

    /** A dialog service whose "open in browser" lets the test's browser sign in as {@code user}. */
    private FakeDialogService browserAs(String user, String password) {
        FakeDialogService dialogs = new FakeDialogService();
        dialogs.browser = url -> {
            String loopback = okhttp3.HttpUrl.get(url).queryParameter("redirect_uri");
            browsers.add(CompletableFuture.supplyAsync(() -> new MasBrowser().signInAndConsent(url, user, password, loopback)));
        };
        return dialogs;
    }

    private ConnectViewModel model(TaskExecutor executor, FakeDialogService dialogs) {
        return new ConnectViewModel(new ConnectionService(executor), dialogs, new RecentServers(prefs), (session, server) -> connected.add(session));
    }

    @Test
    void singleSignOnOnAMasServerSignsInThroughMasInTheBrowser(TestMas mas) {
        FakeDialogService dialogs = browserAs(mas.adminLocalpart(), mas.adminPassword());
        ConnectViewModel model = model(new CurrentThreadTaskExecutor(), dialogs);
        model.serverProperty().set(mas.synapseUrl().toString());
        model.methodProperty().set(Method.SSO);

        model.signIn();

        assertThat(dialogs.browsed).singleElement().asString().startsWith(mas.masUrl() + "authorize");
        assertThat(model.getError()).isNull();
        assertThat(connected).extracting(LoginSession::userId).containsExactly(mas.adminUser());
        assertThat(model.noticeProperty().get()).isEqualTo(tr("connect.mas"));
    }

    @Test
    void clientIdAndSecretSignInWorksOnARealWorkerThread(TestMas mas) throws Exception {
        // The app's executor: work on a worker pool, callbacks on the JavaFX thread.
        FxToolkit.registerPrimaryStage();
        UiTaskExecutor executor = new UiTaskExecutor();
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

    private static <T> T onFx(java.util.function.Supplier<T> read) throws Exception {
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
