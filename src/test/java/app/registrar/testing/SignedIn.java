package app.registrar.testing;

import app.registrar.api.LoginSession;
import app.registrar.api.ServerApi;
import app.registrar.api.ServerInfo;
import app.registrar.service.AccountService;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.TaskExecutor;

/** Services signed in to the test Synapse as its admin, for view-model tests. */
public record SignedIn(ConnectionService connection, AccountService accounts, ServerInfo server, LoginSession session) {

    public static SignedIn asAdmin(TestSynapse synapse) {
        return asAdmin(synapse, new CurrentThreadTaskExecutor());
    }

    public static SignedIn asAdmin(TestSynapse synapse, TaskExecutor executor) {
        ServerInfo server = ServerApi.describe(synapse.url());
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor());
        LoginSession[] session = new LoginSession[1];
        connection.signIn(server, synapse.adminUser(), synapse.adminPassword())
                .onSuccess(s -> session[0] = s)
                .onFailure(e -> {
                    throw e;
                })
                .start();
        return new SignedIn(connection, new AccountService(executor, connection), server, session[0]);
    }
}
