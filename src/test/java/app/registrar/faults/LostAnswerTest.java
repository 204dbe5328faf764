package app.registrar.faults;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.UserDetailsFixture;
import app.registrar.model.PasswordPolicy;
import app.registrar.service.AccountService;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FakeSession;
import app.registrar.ui.deactivate.DeactivateViewModel;
import app.registrar.ui.edituser.EditUserViewModel;
import app.registrar.ui.password.ResetPasswordViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 case 14 and the other faults no real server gives on demand: an answer lost after the request was sent
 * leaves the outcome unknown, so Registrar reads the account back and never sends the change again by itself.
 */
@Tag("fast")
class LostAnswerTest {

    private static final String ADMIN = "@admin:example.org";
    private static final String ALICE = "@alice:example.org";
    private static final String ALICE_JSON = "{\"name\":\"@alice:example.org\",\"displayname\":\"Alice\",\"threepids\":[],"
            + "\"external_ids\":[],\"admin\":false,\"deactivated\":false}";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private AccountService accounts;
    private final FakeDialogService dialogs = new FakeDialogService();

    @BeforeEach
    void signIn() {
        server.enqueue(json(200, "{\"user_id\":\"" + ADMIN + "\",\"access_token\":\"syt_YWRtaW4_mocktokenmock_0\",\"device_id\":\"D\"}"));
        server.enqueue(json(200, "{\"name\":\"" + ADMIN + "\",\"admin\":true}"));
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor());
        FakeSession.signInDirectly(connection, server.url("/"));
        accounts = new AccountService(new CurrentThreadTaskExecutor(), connection);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse resetDuringResponse() {
        return new MockResponse.Builder().code(200).addHeader("Content-Length", "500").body("{\"name\":")
                .onResponseBody(new SocketEffect.CloseSocket(true, true, true)).build();
    }

    private List<RecordedRequest> requestsAfterSignIn() throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(200, TimeUnit.MILLISECONDS)) != null) {
            all.add(request);
        }
        return all.subList(2, all.size());
    }

    @Test
    void connectionResetDuringAnEditReadsTheAccountBackAndSendsNothingAgain() throws Exception {
        server.enqueue(resetDuringResponse());                // PUT: the answer is lost
        server.enqueue(json(200, ALICE_JSON));                // GET: read back
        EditUserViewModel model = EditUserViewModel.forEdit(accounts, dialogs, ADMIN, PasswordPolicy.none(),
                UserDetailsFixture.alice(), saved -> { });
        model.displayNameProperty().set("Alice Renamed");

        model.save();

        assertThat(model.getError().message()).isEqualTo(tr("edit.unknown.edit"));
        assertThat(model.displayNameProperty().get()).isEqualTo("Alice Renamed");
        List<RecordedRequest> sent = requestsAfterSignIn();
        assertThat(sent).extracting(RecordedRequest::getMethod).containsExactly("PUT", "GET");
        assertThat(sent.get(0).getBody().utf8()).contains("Alice Renamed");
    }

    @Test
    void passwordResetWhoseAnswerIsLostIsNeverSentAgain() throws Exception {
        server.enqueue(resetDuringResponse());
        ResetPasswordViewModel model = new ResetPasswordViewModel(accounts, dialogs, ALICE, PasswordPolicy.none(), true, () -> { });
        model.getPassword().passwordProperty().set("Lost-Answer-Pass-1");

        model.save();

        assertThat(model.errorProperty().get().message()).isEqualTo(tr("password.unknown"));
        assertThat(model.errorProperty().get().details()).doesNotContain("Lost-Answer-Pass-1");
        assertThat(requestsAfterSignIn()).extracting(RecordedRequest::getMethod).containsExactly("POST");
    }

    @Test
    void deactivationThatOutlastsTheTimeoutIsCheckedByReadingTheAccountNeverByPostingAgain() throws Exception {
        server.enqueue(resetDuringResponse());                // POST deactivate: no answer
        server.enqueue(json(200, ALICE_JSON.replace("\"deactivated\":false", "\"deactivated\":true")));
        int[] done = {0};
        DeactivateViewModel model = new DeactivateViewModel(accounts, dialogs, ALICE, ADMIN, () -> done[0]++);
        model.typedUserIdProperty().set(ALICE);

        model.deactivate();

        assertThat(done[0]).isEqualTo(1);
        assertThat(dialogs.notifications).contains(tr("deactivate.done", ALICE));
        assertThat(requestsAfterSignIn()).extracting(RecordedRequest::getMethod).containsExactly("POST", "GET");
    }

    @Test
    void serverErrorGatewayTimeoutWithHtmlIsAPlainServerErrorAndKeepsTheFields() throws Exception {
        server.enqueue(new MockResponse.Builder().code(504).addHeader("Content-Type", "text/html")
                .body("<html><h1>504 Gateway Time-out</h1></html>").build());
        EditUserViewModel model = EditUserViewModel.forEdit(accounts, dialogs, ADMIN, PasswordPolicy.none(),
                UserDetailsFixture.alice(), saved -> { });
        model.displayNameProperty().set("Typed Name");

        model.save();

        assertThat(model.getError().message()).isEqualTo(tr("error.server.error"));
        assertThat(model.getError().details()).contains("504");
        assertThat(model.displayNameProperty().get()).isEqualTo("Typed Name");
    }
}
