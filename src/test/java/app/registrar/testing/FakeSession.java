package app.registrar.testing;

import app.registrar.api.ServerInfo;
import app.registrar.model.PasswordPolicy;
import app.registrar.service.AccountService;
import app.registrar.service.ConnectionService;
import app.registrar.service.ManualTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;

/** A session signed in to a {@link FakeHomeserver}, with every task run by the test's {@link ManualTaskExecutor}. */
public final class FakeSession {

    public final ConnectionService connection;
    public final AccountService accounts;

    private FakeSession(ConnectionService connection, ManualTaskExecutor executor) {
        this.connection = connection;
        this.accounts = new AccountService(executor, connection);
    }

    /** Serves {@code homeserver} on {@code server}, signs the fake admin in, and forgets the requests that took. */
    public static FakeSession signIn(MockWebServer server, FakeHomeserver homeserver, ManualTaskExecutor executor) {
        server.setDispatcher(homeserver);
        ConnectionService connection = new ConnectionService(executor);
        List<ServerInfo> found = new ArrayList<>();
        connection.discover(server.url("/").toString()).onSuccess(found::add).start();
        executor.runAll();
        connection.signIn(found.get(0), "admin", "First-Pass-2026!").start();
        executor.runAll();
        homeserver.requests.clear();
        return new FakeSession(connection, executor);
    }

    /**
     * Signs {@code connection} in as "admin" at {@code url} without discovery, for tests whose server answers each
     * request itself: it must answer the password login and the admin check.
     */
    public static ConnectionService signInDirectly(ConnectionService connection, HttpUrl url) {
        ServerInfo info = new ServerInfo(url, List.of("v1.11"), "1.163.2", true, false,
                List.of("m.login.password"), PasswordPolicy.none());
        connection.signIn(info, "admin", "Mock-Pass-2026!").onFailure(e -> {
            throw e;
        }).start();
        return connection;
    }
}
