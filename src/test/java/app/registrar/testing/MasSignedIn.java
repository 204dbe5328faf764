package app.registrar.testing;

import app.registrar.api.LoginSession;
import app.registrar.api.MatrixApiException;
import app.registrar.api.ServerInfo;
import app.registrar.service.BackgroundTask;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.MasSignIn;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;

/** A connection signed in to the MAS stack as its admin through the browser flow, as the app does it. */
public final class MasSignedIn {

    private MasSignedIn() {
    }

    public static ConnectionService asAdmin(TestMas mas) {
        return asAdmin(mas, new ConnectionService(new CurrentThreadTaskExecutor()));
    }

    /** Signs {@code connection} (one with the test's own audit trail, say) in as the MAS stack's admin. */
    public static ConnectionService asAdmin(TestMas mas, ConnectionService connection) {
        ServerInfo server = await(connection.discover(mas.synapseUrl().toString()));
        MasSignIn signIn = await(connection.startMasSignIn(server));
        CompletableFuture<MasBrowser.Outcome> browser = MasBrowser.inBackground(signIn.browserUrl(), mas.adminLocalpart(),
                mas.adminPassword(), signIn.loopback().redirectUri(), signIn::close);
        complete(connection, signIn, browser);
        return connection;
    }

    /** Finishes the sign-in; when it fails because the browser got stuck, the browser's trail is the failure. */
    public static LoginSession complete(ConnectionService connection, MasSignIn signIn,
                                        CompletableFuture<MasBrowser.Outcome> browser) {
        LoginSession session;
        try {
            session = await(connection.completeMasSignIn(signIn));
        } catch (RuntimeException e) {
            browser.join(); // throws with where the browser got stuck, when it did
            throw e;
        }
        browser.join();
        return session;
    }

    /**
     * "The browser": a dialog service whose "open in browser" signs in on MAS's pages as {@code user} on another
     * thread, as the admin would, adding each run to {@code browsers}; a run that gets stuck tells the app so.
     */
    public static FakeDialogService browserAs(String user, String password,
                                              List<CompletableFuture<MasBrowser.Outcome>> browsers) {
        FakeDialogService dialogs = new FakeDialogService();
        dialogs.browser = url -> {
            String loopback = HttpUrl.get(url).queryParameter("redirect_uri");
            String state = HttpUrl.get(url).queryParameter("state");
            browsers.add(MasBrowser.inBackground(url, user, password, loopback,
                    () -> MasBrowser.tellClient(loopback, state, "browser_stuck")));
        };
        return dialogs;
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
