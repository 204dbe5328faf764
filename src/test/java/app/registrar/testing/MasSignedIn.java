package app.registrar.testing;

import app.registrar.api.MatrixApiException;
import app.registrar.api.ServerInfo;
import app.registrar.service.BackgroundTask;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.MasSignIn;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** A connection signed in to the MAS stack as its admin through the browser flow, as the app does it. */
public final class MasSignedIn {

    private MasSignedIn() {
    }

    public static ConnectionService asAdmin(TestMas mas) {
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor());
        ServerInfo server = await(connection.discover(mas.synapseUrl().toString()));
        MasSignIn signIn = await(connection.startMasSignIn(server));
        CompletableFuture<MasBrowser.Outcome> browser = CompletableFuture.supplyAsync(() -> new MasBrowser()
                .signInAndConsent(signIn.browserUrl(), mas.adminLocalpart(), mas.adminPassword(), signIn.loopback().redirectUri()));
        await(connection.completeMasSignIn(signIn));
        browser.join();
        return connection;
    }

    public static <T> T await(BackgroundTask<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<MatrixApiException> failure = new AtomicReference<>();
        task.onSuccess(result::set).onFailure(failure::set).start();
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
