package app.registrar.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.LoginSession;
import app.registrar.api.ServerInfo;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.RecentServers;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FxWorkers;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server in the address field is found while the admin types the password, against the real Synapse. */
@ExtendWith(SynapseExtension.class)
class ServerLookAheadTest {

    private TestSynapse synapse;
    private Preferences prefs;
    private final List<LoginSession> connected = new ArrayList<>();
    private final List<ServerInfo> servers = new ArrayList<>();
    private final FakeDialogService dialogs = new FakeDialogService();

    @BeforeEach
    void create(TestSynapse synapse) {
        this.synapse = synapse;
        prefs = Preferences.userRoot().node("app/registrar/test/" + UUID.randomUUID());
        // A server signed in to before, so that the next connect screen opens with it in the field.
        new RecentServers(prefs).remember(synapse.url().toString(), synapse.adminUser());
    }

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
    }

    private ConnectViewModel newModel(ConnectionService connection) {
        return new ConnectViewModel(connection, dialogs, new RecentServers(prefs), (session, server) -> {
            connected.add(session);
            servers.add(server);
        });
    }

    @Test
    void aRememberedServerFoundAheadIsPreparedForAndSignedInToWithoutBeingFoundAgain() {
        ConnectViewModel model = newModel(new ConnectionService(new CurrentThreadTaskExecutor()));
        List<ServerInfo> prepared = new ArrayList<>();
        model.prepareFor(prepared::add);

        model.lookAhead();
        assertThat(prepared).as("prepared once the server is found, before Sign in").hasSize(1);
        model.passwordProperty().set(synapse.adminPassword());
        model.signIn();

        assertThat(connected).hasSize(1);
        // discovery makes a new description each time: the same one means it was not asked again
        assertThat(servers).singleElement().isSameAs(prepared.get(0));
        assertThat(prepared).allSatisfy(info -> assertThat(info).isSameAs(servers.get(0)));
    }

    @Test
    void aServerThatCannotBeFoundAheadSaysNothingUntilSignInIsPressed() {
        ConnectViewModel model = newModel(new ConnectionService(new CurrentThreadTaskExecutor()));
        List<ServerInfo> prepared = new ArrayList<>();
        model.prepareFor(prepared::add);
        model.serverProperty().set("http://127.0.0.1:1");

        model.lookAhead();
        assertThat(prepared).isEmpty();
        assertThat(model.getError()).isNull();
        assertThat(model.serverProblemProperty().get()).isEmpty();
        assertThat(model.isBusy()).isFalse();

        model.passwordProperty().set(synapse.adminPassword());
        model.signIn();
        assertThat(connected).isEmpty();
        assertThat(model.serverProblemProperty().get()).isNotBlank();
        assertThat(model.serverProperty().get()).as("nothing typed is lost").isEqualTo("http://127.0.0.1:1");
    }

    @Test
    void afterAFailedSignInTheServerIsFoundAgainRatherThanTrustedFromBefore() {
        ConnectViewModel model = newModel(new ConnectionService(new CurrentThreadTaskExecutor()));
        List<ServerInfo> prepared = new ArrayList<>();
        model.prepareFor(prepared::add);
        model.lookAhead();
        ServerInfo ahead = prepared.get(0);

        model.passwordProperty().set("not-" + synapse.adminPassword());
        model.signIn();
        assertThat(connected).isEmpty();
        model.passwordProperty().set(synapse.adminPassword());
        model.signIn();

        assertThat(connected).hasSize(1);
        assertThat(servers.get(0)).isNotSameAs(ahead).isEqualTo(ahead);
    }

    @Test
    void whatWasFoundIsUsedOnlyForThatAddressAndWhileFresh() {
        AtomicLong now = new AtomicLong();
        ServerLookAhead lookAhead = new ServerLookAhead(new ConnectionService(new CurrentThreadTaskExecutor()), now::get);
        String address = synapse.url().toString();

        lookAhead.look(address);

        assertThat(lookAhead.foundFor(" " + address + " ")).isPresent();
        assertThat(lookAhead.foundFor("http://127.0.0.1:1")).isEmpty();
        now.addAndGet(ServerLookAhead.FRESH.toNanos() + 1);
        assertThat(lookAhead.foundFor(address)).as("older than %s", ServerLookAhead.FRESH).isEmpty();
    }

    @Test
    void onRealThreadsTheLookAheadPreparesOnTheJavaFxThreadAndSignInUsesIt() {
        List<ServerInfo> prepared = new CopyOnWriteArrayList<>();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        ConnectViewModel model = FxWorkers.onFx(() -> newModel(new ConnectionService(FxWorkers.executor())));
        model.prepareFor(server -> {
            prepared.add(server);
            onFxThread.add(Platform.isFxApplicationThread());
        });

        FxWorkers.onFx(model::lookAhead);
        FxWorkers.awaitFx("the server found ahead", () -> !prepared.isEmpty());
        FxWorkers.onFx(() -> {
            model.passwordProperty().set(synapse.adminPassword());
            model.signIn();
        });
        FxWorkers.awaitFx("signed in", () -> !connected.isEmpty());

        assertThat(servers.get(0)).isSameAs(prepared.get(0));
        assertThat(onFxThread).containsOnly(true);
    }
}
