package app.registrar.ui.userlist;

import static app.registrar.testing.FxWorkers.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.ServerApi;
import app.registrar.api.ServerInfo;
import app.registrar.api.UserUpdate;
import app.registrar.service.AccountService;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.UiTaskExecutor;
import app.registrar.testing.FxWorkers;
import app.registrar.testing.NoListActions;
import app.registrar.testing.Screenshots;
import app.registrar.testing.SwitchableProxy;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.common.view.Theme;
import app.registrar.ui.userlist.view.UserListView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, section 6: rows read before the homeserver stopped answering are never shown as current. The real Synapse
 * sits behind a relay the test switches off and on (an outage it cannot give on demand); the list runs on the app's
 * worker threads. While the server is away the rows are marked as possibly out of date; once it answers again they
 * are read again by themselves, and an account deactivated meanwhile no longer shows as active.
 */
@ExtendWith(SynapseExtension.class)
class ListAfterOutageSynapseTest {

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(40));
        while (!onFx(condition::getAsBoolean)) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    /** The user IDs of the loaded rows; call on the JavaFX thread. */
    private static List<String> ids(UserListViewModel model) {
        return model.getRows().stream().filter(r -> !r.isLoading()).map(UserRowViewModel::getUserId).toList();
    }

    private static List<String> shownIds(UserListViewModel model) {
        return onFx(() -> ids(model));
    }

    @Test
    void rowsReadBeforeAnOutageAreMarkedStaleAndReadAgainWhenTheServerAnswers(TestSynapse synapse) throws Exception {
        AdminApi admin = synapse.signedInAdmin().admin();
        String prefix = "outage" + UUID.randomUUID().toString().substring(0, 6);
        String stays = "@" + prefix + "-stays:" + synapse.serverName();
        String leaves = "@" + prefix + "-leaves:" + synapse.serverName();
        admin.createUser(stays, new UserUpdate().password("Outage-Pass-1").displayName("Stays"));
        admin.createUser(leaves, new UserUpdate().password("Outage-Pass-1").displayName("Leaves"));

        try (SwitchableProxy proxy = new SwitchableProxy(synapse.url())) {
            ServerInfo server = ServerApi.describe(proxy.url());
            ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor());
            connection.signIn(server, synapse.adminUser(), synapse.adminPassword()).onFailure(e -> {
                throw e;
            }).start();
            UiTaskExecutor workers = FxWorkers.executor();
            try {
                AccountService accounts = new AccountService(workers, connection);
                UserListViewModel model = onFx(() -> new UserListViewModel(accounts));
                onFx(() -> {
                    model.searchProperty().set(prefix);
                    model.refresh();
                });
                await("both active accounts are listed", () -> ids(model).size() == 2 && !model.loadingProperty().get());
                assertThat(onFx(() -> model.staleProperty().get())).isFalse();

                proxy.down();
                // Meanwhile, on the server itself: one account is deactivated.
                admin.deactivate(leaves, false);
                onFx(model::refresh);
                await("the failed reload marks the rows as possibly out of date",
                        () -> model.staleProperty().get() && !model.loadingProperty().get());
                assertThat(onFx(() -> model.errorProperty().get())).as("the failure is said").isNotNull();
                assertThat(shownIds(model)).as("what was read before stays visible, marked stale")
                        .containsExactlyInAnyOrder(stays, leaves);

                onFx(() -> {
                    // How it looks: the line above the list and the dimmed rows, in the app's theme.
                    Theme.apply();
                    Scene scene = new Scene(new UserListView(model, new NoListActions()), 760, 360);
                    scene.getStylesheets().add(Theme.stylesheet());
                    Screenshots.save(scene, "list-stale-during-outage");
                });
                proxy.up();
                // No click: the list reads itself again once the homeserver answers.
                await("the rows are read again", () -> !model.staleProperty().get() && !model.loadingProperty().get());
                assertThat(shownIds(model)).as("the deactivated account no longer shows among the active ones")
                        .containsExactly(stays);
                assertThat(onFx(() -> model.errorProperty().get())).isNull();
            } finally {
                workers.shutdown();
            }
        }
    }
}
