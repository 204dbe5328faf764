package app.registrar.audit;

import app.registrar.api.Network;
import app.registrar.api.ServerApi;
import app.registrar.bulk.BulkAction;
import app.registrar.bulk.BulkActionRunner;
import app.registrar.bulk.JobControl;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.LastSession;
import app.registrar.service.MemoryCredentialStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * A child JVM for {@link AuditKillTest}: signs in the way the app does (with an audit trail), then locks the
 * accounts listed in a file one by one until it is killed. Arguments: server address, audit folder, accounts file;
 * the admin's access token comes on standard input, so it never shows in a process list.
 */
public final class AuditedBulkRun {

    private AuditedBulkRun() {
    }

    public static void main(String[] args) throws Exception {
        HttpUrl url = HttpUrl.get(args[0]);
        Path auditDirectory = Path.of(args[1]);
        List<String> accounts = Files.readAllLines(Path.of(args[2]));
        String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor(), new MemoryCredentialStore(),
                LastSession.inMemory(), Network.standard(), AuditTrail.in(auditDirectory));
        String[] admin = new String[1];
        connection.useToken(ServerApi.describe(url), token)
                .onSuccess(session -> admin[0] = session.userId())
                .onFailure(e -> {
                    throw e;
                }).start();
        System.out.println("signed in");
        System.out.flush();
        new BulkActionRunner(connection.homeserver().orElseThrow().admin(), admin[0])
                .run(accounts, BulkAction.LOCK, null, new JobControl(), progress -> { });
        System.out.println("finished");
    }
}
