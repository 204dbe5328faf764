package app.registrar.faults;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.LoginSession;
import app.registrar.api.ServerInfo;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.testing.FakeDialogService;
import app.registrar.ui.password.ResetPasswordViewModel;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 case 11: a homeserver whose accounts Matrix Authentication Service runs. No MAS runs here, so
 * MockWebServer answers as Synapse does in that mode: {@code auth_metadata} exists and passwords are not Synapse's.
 */
class MasModeTest {

    private static final String TOKEN = "syt_YWRtaW4_masmodetoken_0";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private void actAsSynapseWithMas() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                return switch (path) {
                    case "/_matrix/client/versions" -> json(200, "{\"versions\":[\"v1.11\",\"v1.15\"]}");
                    case "/_synapse/admin/v1/server_version" -> json(200, "{\"server_version\":\"1.163.2\"}");
                    case "/_matrix/client/v1/auth_metadata" -> json(200, "{\"issuer\":\"https://auth.example.org/\"}");
                    case "/_matrix/client/v3/login" -> json(200, "{\"flows\":[{\"type\":\"m.login.sso\"}]}");
                    case "/_matrix/client/v3/account/whoami" -> json(200, "{\"user_id\":\"@admin:example.org\",\"device_id\":\"D\"}");
                    case "/_synapse/admin/v2/users/%40admin%3Aexample.org" -> json(200, "{\"name\":\"@admin:example.org\",\"admin\":true}");
                    default -> json(404, "{\"errcode\":\"M_UNRECOGNIZED\",\"error\":\"Unrecognized request\"}");
                };
            }
        });
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void masServerIsRecognisedAndItsPasswordsAreNotOfferedForReset() {
        actAsSynapseWithMas();
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor());
        AtomicReference<ServerInfo> info = new AtomicReference<>();
        AtomicReference<LoginSession> session = new AtomicReference<>();

        connection.discover(server.url("/").toString()).onSuccess(info::set).onFailure(e -> {
            throw e;
        }).start();
        connection.useToken(info.get(), TOKEN).onSuccess(session::set).onFailure(e -> {
            throw e;
        }).start();

        assertThat(info.get().managedByMas()).isTrue();
        assertThat(info.get().managesPasswords()).isFalse();
        assertThat(info.get().supportsPasswordLogin()).isFalse();
        assertThat(session.get().userId()).isEqualTo("@admin:example.org");
        ResetPasswordViewModel reset = new ResetPasswordViewModel(null, new FakeDialogService(), "@alice:example.org",
                info.get().passwordPolicy(), info.get().managesPasswords(), () -> { });
        reset.getPassword().passwordProperty().set("Some-Strong-Pass-1");
        assertThat(reset.canSaveProperty().get()).as("the dialog explains instead of offering a reset").isFalse();
    }
}
