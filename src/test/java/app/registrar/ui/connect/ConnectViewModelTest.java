package app.registrar.ui.connect;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.Homeserver;
import app.registrar.api.LoginSession;
import app.registrar.api.ServerInfo;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.RecentServers;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SynapseExtension.class)
class ConnectViewModelTest {

    private TestSynapse synapse;
    private Preferences prefs;
    private final List<LoginSession> connected = new ArrayList<>();
    private final List<ServerInfo> servers = new ArrayList<>();
    private ConnectViewModel model;
    private final FakeDialogService dialogs = new FakeDialogService();

    @BeforeEach
    void create(TestSynapse synapse) {
        this.synapse = synapse;
        prefs = Preferences.userRoot().node("app/registrar/test/" + UUID.randomUUID());
        model = newModel();
    }

    private ConnectViewModel newModel() {
        return new ConnectViewModel(new ConnectionService(new CurrentThreadTaskExecutor()), dialogs, new RecentServers(prefs),
                (session, server) -> {
                    connected.add(session);
                    servers.add(server);
                });
    }

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
    }

    private void type(String server, String user, String password) {
        model.serverProperty().set(server);
        model.userProperty().set(user);
        model.passwordProperty().set(password);
    }

    @Test
    void correctAdminPasswordHandsOnTheSessionAndForgetsThePassword() {
        type(synapse.url().toString(), synapse.adminUser(), synapse.adminPassword());

        model.signIn();

        assertThat(connected).singleElement().satisfies(s -> assertThat(s.userId()).isEqualTo(synapse.adminUser()));
        assertThat(servers.get(0).serverVersion()).isNotBlank();
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.isBusy()).isFalse();
        assertThat(model.getError()).isNull();
    }

    @Test
    void whileThePasswordIsCheckedTheMainWindowCanBePreparedForTheServerTheSessionIsThenFor() {
        List<ServerInfo> prepared = new ArrayList<>();
        model.prepareFor(prepared::add);
        type(synapse.url().toString(), synapse.adminUser(), synapse.adminPassword());

        model.signIn();

        assertThat(connected).hasSize(1);
        assertThat(prepared).singleElement().isSameAs(servers.get(0));
    }

    @Test
    void onRealThreadsThePreparationRunsOnTheJavaFxThreadAndAWrongPasswordStillHandsNothingOn() {
        List<ServerInfo> prepared = new CopyOnWriteArrayList<>();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        ConnectionService onWorkers = new ConnectionService(app.registrar.testing.FxWorkers.executor());
        ConnectViewModel onThreads = app.registrar.testing.FxWorkers.onFx(() -> new ConnectViewModel(
                onWorkers, dialogs, new RecentServers(prefs),
                (session, server) -> {
                    connected.add(session);
                    servers.add(server);
                }));
        onThreads.prepareFor(server -> {
            prepared.add(server);
            onFxThread.add(javafx.application.Platform.isFxApplicationThread());
        });
        app.registrar.testing.FxWorkers.onFx(() -> {
            onThreads.serverProperty().set(synapse.url().toString());
            onThreads.userProperty().set(synapse.adminUser());
            onThreads.passwordProperty().set("not-" + synapse.adminPassword());
            onThreads.signIn();
        });
        app.registrar.testing.FxWorkers.awaitFx("the wrong password refused", () -> !onThreads.isBusy() && onThreads.getError() != null);
        assertThat(connected).isEmpty();
        assertThat(prepared).hasSize(1);

        app.registrar.testing.FxWorkers.onFx(() -> {
            onThreads.passwordProperty().set(synapse.adminPassword());
            onThreads.signIn();
        });
        app.registrar.testing.FxWorkers.awaitFx("signed in", () -> !connected.isEmpty());

        assertThat(prepared).hasSize(2);
        assertThat(prepared.get(1)).isSameAs(servers.get(0));
        assertThat(onFxThread).containsOnly(true);
    }

    @Test
    void serverUsedBeforeIsOfferedAgainWithItsUserName() {
        type(synapse.url().toString(), synapse.adminUser(), synapse.adminPassword());
        model.signIn();

        ConnectViewModel next = newModel();

        assertThat(next.getRecentServers()).containsExactly(synapse.url().toString());
        assertThat(next.serverProperty().get()).isEqualTo(synapse.url().toString());
        assertThat(next.userProperty().get()).isEqualTo(synapse.adminUser());
    }

    @Test
    void anErrorDisappearsWhenTheAddressOrTheCredentialsChange() {
        List<Runnable> edits = List.of(
                () -> model.passwordProperty().set("wrong-password-2"),
                () -> model.userProperty().set(synapse.adminUser() + "x"),
                () -> model.serverProperty().set(synapse.url().toString() + "/"));
        for (Runnable edit : edits) {
            type(synapse.url().toString(), synapse.adminUser(), "wrong-password");
            model.signIn();
            assertThat(model.getError()).isNotNull();

            edit.run();

            assertThat(model.getError()).isNull();
        }
    }

    @Test
    void wrongPasswordSaysSoInPlainWordsAndKeepsWhatWasTyped() {
        type(synapse.url().toString(), synapse.adminUser(), "wrong-password");

        model.signIn();

        assertThat(connected).isEmpty();
        assertThat(model.getError().message()).isEqualTo(tr("error.wrong.credentials"));
        assertThat(model.getError().message()).doesNotContain("M_FORBIDDEN");
        assertThat(model.getError().details()).contains("M_FORBIDDEN");
        assertThat(model.secretProblemProperty().get()).isNotEmpty();
        assertThat(model.serverProperty().get()).isEqualTo(synapse.url().toString());
        assertThat(model.userProperty().get()).isEqualTo(synapse.adminUser());
        assertThat(model.passwordProperty().get()).isEqualTo("wrong-password");
    }

    @Test
    void accountThatIsNotAnAdminIsRefusedWithTheReason() {
        type(synapse.url().toString(), synapse.plainUser(), synapse.plainPassword());

        model.signIn();

        assertThat(connected).isEmpty();
        assertThat(model.getError().message()).isEqualTo(tr("error.not.admin"));
    }

    @Test
    void missingFieldsAreNamedWithoutContactingAnyServer() {
        type("", "", "");

        model.signIn();

        assertThat(model.serverProblemProperty().get()).isEqualTo(tr("connect.missing.server"));
        assertThat(model.userProblemProperty().get()).isEqualTo(tr("connect.missing.user"));
        assertThat(model.secretProblemProperty().get()).isEqualTo(tr("connect.missing.password"));
        assertThat(model.getError()).isNull();
    }

    @Test
    void addressWhereNothingListensSaysTheServerCannotBeReached() {
        type("http://127.0.0.1:1", "admin", "secret");

        model.signIn();

        assertThat(model.getError().message()).isEqualTo(tr("error.network"));
        assertThat(model.serverProblemProperty().get()).isNotEmpty();
    }

    @Test
    void plainHttpToAnotherComputerIsRefusedWithTheReason() {
        type("http://matrix.example.org", "admin", "secret");

        model.signIn();

        assertThat(model.getError().message()).isEqualTo(tr("error.insecure.address"));
    }

    @Test
    void addressWithTrailingSlashesAndSurroundingSpacesSignsIn() {
        String typed = "  " + synapse.url().toString() + "//  ";
        type(typed, synapse.adminUser(), synapse.adminPassword());

        model.signIn();

        assertThat(model.getError()).isNull();
        assertThat(connected).singleElement().satisfies(s -> assertThat(s.baseUrl().encodedPath()).isEqualTo("/"));
    }

    @Test
    void upperCaseSchemeAndLoopbackNameSignIn() {
        type("HTTP://LOCALHOST:" + synapse.url().port(), synapse.adminUser(), synapse.adminPassword());

        model.signIn();

        assertThat(model.getError()).isNull();
        assertThat(connected).hasSize(1);
    }

    @Test
    void addressWithAPathWhereNoHomeserverAnswersSaysSoAndKeepsEverythingTyped() {
        String typed = synapse.url().newBuilder().addPathSegments("matrix/").build().toString();
        type(typed, synapse.adminUser(), "Typed-Pass-1");

        model.signIn();

        assertThat(connected).isEmpty();
        assertThat(model.getError().message()).isEqualTo(tr("error.not.a.matrix.server"));
        assertThat(model.getError().details()).doesNotContain("Typed-Pass-1");
        assertThat(model.serverProblemProperty().get()).isNotEmpty();
        assertThat(model.serverProperty().get()).isEqualTo(typed);
        assertThat(model.userProperty().get()).isEqualTo(synapse.adminUser());
        assertThat(model.passwordProperty().get()).isEqualTo("Typed-Pass-1");
    }

    @Test
    void pastedTokenOfANonAdminIsRefusedAndNotShown() {
        String token = synapse.signIn(new Homeserver(synapse.url()), synapse.plainUser(),
                synapse.plainPassword()).accessToken().reveal();
        model.serverProperty().set(synapse.url().toString());
        model.methodProperty().set(ConnectViewModel.Method.TOKEN);
        model.tokenProperty().set(token);

        model.signIn();

        assertThat(connected).isEmpty();
        assertThat(model.getError().message()).isEqualTo(tr("error.not.admin"));
        assertThat(model.getError().summary() + model.getError().details()).doesNotContain(token);
        assertThat(model.tokenProperty().get()).isEqualTo(token);
    }

    @Test
    void pastedAdminTokenSignsIn() {
        String token = synapse.signedInAdminToken();
        model.serverProperty().set(synapse.url().toString());
        model.methodProperty().set(ConnectViewModel.Method.TOKEN);
        model.tokenProperty().set(token);

        model.signIn();

        assertThat(connected).singleElement().satisfies(s -> assertThat(s.accessToken().reveal()).isEqualTo(token));
        assertThat(model.tokenProperty().get()).isEmpty();
    }

    @Test
    void singleSignOnOnAServerWithoutItSaysSoAndOpensNoBrowser() {
        model.serverProperty().set(synapse.url().toString());
        model.methodProperty().set(ConnectViewModel.Method.SSO);

        model.signIn();

        assertThat(connected).isEmpty();
        assertThat(dialogs.browsed).isEmpty();
        assertThat(model.getError().message()).isEqualTo(tr("error.endpoint.unavailable"));
        assertThat(model.getError().details()).contains(tr("connect.sso.unavailable"));
    }
}
