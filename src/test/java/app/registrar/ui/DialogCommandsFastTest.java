package app.registrar.ui;

import static app.registrar.testing.FakeHomeserver.json;
import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.UserDetails;
import app.registrar.model.PasswordPolicy;
import app.registrar.service.ManualTaskExecutor;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FakeHomeserver;
import app.registrar.testing.FakeSession;
import app.registrar.ui.deactivate.DeactivateViewModel;
import app.registrar.ui.edituser.EditUserViewModel;
import app.registrar.ui.password.ResetPasswordViewModel;
import app.registrar.ui.reactivate.ReactivateViewModel;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every dialog's command against a fake homeserver, each step run by hand: busy from the click until the last step
 * answered (so a second click sends nothing), closed on success, open with a plain sentence and everything typed
 * on refusal. The real-server behaviour of the same dialogs is in their *ViewModelTest beside them.
 */
@Tag("fast")
class DialogCommandsFastTest {

    private static final String ALICE = "@alice:example.test";
    private static final String ALICE_V2 = "/_synapse/admin/v2/users/%40alice%3Aexample.test";
    private static final String ALICE_JSON = "{\"name\":\"" + ALICE + "\",\"displayname\":\"Alice\",\"admin\":false,"
            + "\"deactivated\":%s,\"threepids\":[],\"external_ids\":[]}";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final FakeHomeserver homeserver = new FakeHomeserver();
    private final ManualTaskExecutor executor = new ManualTaskExecutor();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final List<String> done = new ArrayList<>();
    private FakeSession session;

    @BeforeEach
    void signIn() {
        session = FakeSession.signIn(server, homeserver, executor);
    }

    private long sent(String method, String path) {
        return homeserver.requests.stream()
                .filter(r -> r.getMethod().equals(method) && r.getUrl().encodedPath().equals(path)).count();
    }

    @Test
    void resettingAPasswordIsOneBusyCommandThatClosesAndForgetsThePassword() {
        homeserver.answer("POST /_synapse/admin/v1/reset_password/%40alice%3Aexample.test", json(200, "{}"));
        ResetPasswordViewModel model = new ResetPasswordViewModel(session.accounts, dialogs, ALICE,
                PasswordPolicy.none(), true, () -> done.add("reset"));
        model.getPassword().passwordProperty().set("New-Pass-2026!");

        model.save();
        model.save();

        assertThat(model.isBusy()).isTrue();
        assertThat(model.canSaveProperty().get()).isFalse();
        executor.runAll();
        assertThat(sent("POST", "/_synapse/admin/v1/reset_password/%40alice%3Aexample.test")).isEqualTo(1);
        assertThat(model.isBusy()).isFalse();
        assertThat(model.closeRequestedProperty().get()).isTrue();
        assertThat(model.getPassword().get()).isEmpty();
        assertThat(done).containsExactly("reset");
    }

    @Test
    void aRefusedDeactivationKeepsTheDialogOpenWithTheServersReasonInPlainWords() {
        homeserver.answer("POST /_synapse/admin/v1/deactivate/%40alice%3Aexample.test",
                json(403, "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"You are not a server admin\"}"));
        DeactivateViewModel model = new DeactivateViewModel(session.accounts, dialogs, ALICE, FakeHomeserver.ADMIN,
                () -> done.add("deactivated"));
        model.typedUserIdProperty().set(ALICE);

        model.deactivate();
        assertThat(model.isBusy()).isTrue();
        executor.runAll();

        assertThat(model.isBusy()).isFalse();
        assertThat(model.closeRequestedProperty().get()).isFalse();
        assertThat(model.getError().message()).isEqualTo(tr("error.not.admin"));
        assertThat(model.typedUserIdProperty().get()).isEqualTo(ALICE);
        assertThat(model.canDeactivateProperty().get()).isTrue();
        assertThat(done).isEmpty();
    }

    @Test
    void reactivatingWhereTheServerKeepsNoPasswordsSendsNoneAndCloses() {
        homeserver.answer("PUT " + ALICE_V2, json(200, String.format(ALICE_JSON, "false")));
        ReactivateViewModel model = new ReactivateViewModel(session.accounts, dialogs, ALICE, PasswordPolicy.none(),
                false, () -> done.add("reactivated"));

        model.reactivate();
        assertThat(model.isBusy()).isTrue();
        executor.runAll();

        assertThat(homeserver.requests.stream().filter(r -> r.getMethod().equals("PUT"))
                .map(r -> r.getBody().utf8())).singleElement().asString().doesNotContain("password");
        assertThat(model.closeRequestedProperty().get()).isTrue();
        assertThat(dialogs.notifications).containsExactly(tr("reactivate.done", ALICE));
    }

    @Test
    void editingStaysBusyFromTheClickUntilTheSaveAnsweredAndSendsOnlyWhatChanged() {
        homeserver.answer("PUT " + ALICE_V2, json(200, String.format(ALICE_JSON, "false")));
        homeserver.answer("GET " + ALICE_V2, json(200, String.format(ALICE_JSON, "false")));
        UserDetails alice = new UserDetails(ALICE, "Alice", null, List.of(), List.of(), false, false, false, false,
                false, false, false, null, null, null, null, null);
        List<UserDetails> saved = new ArrayList<>();
        EditUserViewModel model = EditUserViewModel.forEdit(session.accounts, dialogs, FakeHomeserver.ADMIN,
                PasswordPolicy.none(), alice, saved::add);
        model.displayNameProperty().set("Alice Martin");

        model.save();
        model.save();

        assertThat(model.isBusy()).isTrue();
        executor.runAll();
        assertThat(sent("PUT", ALICE_V2)).isEqualTo(1);
        assertThat(homeserver.requests.stream().filter(r -> r.getMethod().equals("PUT"))
                .map(r -> r.getBody().utf8())).singleElement().asString()
                .contains("\"displayname\":\"Alice Martin\"").doesNotContain("admin").doesNotContain("password");
        assertThat(model.isBusy()).isFalse();
        assertThat(model.closeRequestedProperty().get()).isTrue();
        assertThat(saved).hasSize(1);
    }
}
