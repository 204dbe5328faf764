package app.registrar.faults;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.service.ConnectionService;
import app.registrar.service.ManualTaskExecutor;
import app.registrar.service.RecentServers;
import app.registrar.testing.FakeDialogService;
import app.registrar.ui.connect.ConnectViewModel;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.Preferences;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 case 12: a rate-limited sign-in shows a capped countdown, keeps what was typed, and is never retried
 * by itself. MockWebServer plays the server, since the real one's limits are raised for the other tests.
 */
@Tag("fast")
class RateLimitTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final AtomicInteger loginAttempts = new AtomicInteger();
    private final ManualTaskExecutor executor = new ManualTaskExecutor();
    private final Preferences prefs = Preferences.userRoot().node("app/registrar/test/" + UUID.randomUUID());

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
    }

    private ConnectViewModel rateLimitedWith(MockResponse loginAnswer) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/_matrix/client/v3/login") && request.getMethod().equals("POST")) {
                    loginAttempts.incrementAndGet();
                    return loginAnswer;
                }
                return switch (path) {
                    case "/_matrix/client/versions" -> json(200, "{\"versions\":[\"v1.11\"]}");
                    case "/_synapse/admin/v1/server_version" -> json(200, "{\"server_version\":\"1.163.2\"}");
                    case "/_matrix/client/v3/login" -> json(200, "{\"flows\":[{\"type\":\"m.login.password\"}]}");
                    case "/_matrix/client/v3/password_policy" -> json(200, "{}");
                    default -> json(404, "{\"errcode\":\"M_UNRECOGNIZED\",\"error\":\"Unrecognized request\"}");
                };
            }
        });
        ConnectViewModel model = new ConnectViewModel(new ConnectionService(executor), new FakeDialogService(),
                new RecentServers(prefs), (session, info) -> { });
        model.serverProperty().set(server.url("/").toString());
        model.userProperty().set("admin");
        model.passwordProperty().set("Typed-Pass-2026!");
        return model;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse limited(String header, String retryAfterMs) {
        MockResponse.Builder builder = new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                .body("{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"Too Many Requests\""
                        + (retryAfterMs == null ? "" : ",\"retry_after_ms\":" + retryAfterMs) + "}");
        if (header != null) {
            builder.addHeader("Retry-After", header);
        }
        return builder.build();
    }

    private void signIn(ConnectViewModel model) {
        model.signIn();
        executor.runAll();
    }

    @Test
    void retryAfterHeaderStartsACountdownAndSignInWaitsForIt() {
        ConnectViewModel model = rateLimitedWith(limited("3", null));

        signIn(model);

        assertThat(model.waitSecondsProperty().get()).isEqualTo(3);
        assertThat(model.getError().message()).isEqualTo(tr("error.rate.limited"));
        assertThat(model.getError().nextStep()).isEqualTo(tr("error.rate.limited.wait", 3));
        assertThat(model.canSignInProperty().get()).isFalse();
        executor.fireScheduled();
        assertThat(model.getError().nextStep()).isEqualTo(tr("error.rate.limited.wait", 2));
        executor.fireScheduled();
        executor.fireScheduled();
        assertThat(model.waitSecondsProperty().get()).isZero();
        assertThat(model.canSignInProperty().get()).isTrue();
        assertThat(loginAttempts.get()).as("never retried by itself").isEqualTo(1);
        assertThat(model.passwordProperty().get()).isEqualTo("Typed-Pass-2026!");
    }

    @Test
    void onlyRetryAfterMsIsRoundedUpToWholeSeconds() {
        ConnectViewModel model = rateLimitedWith(limited(null, "2500"));

        signIn(model);

        assertThat(model.waitSecondsProperty().get()).isEqualTo(2);
    }

    @Test
    void neitherHeaderNorFieldWaitsTheDefault() {
        ConnectViewModel model = rateLimitedWith(limited(null, null));

        signIn(model);

        assertThat(model.waitSecondsProperty().get()).isEqualTo(10);
    }

    @Test
    void anAbsurdWaitIsCappedAtFiveMinutes() {
        ConnectViewModel model = rateLimitedWith(limited("86400", null));

        signIn(model);

        assertThat(model.waitSecondsProperty().get()).isEqualTo(300);
    }

    @Test
    void pressingSignInDuringTheCountdownSendsNothing() {
        ConnectViewModel model = rateLimitedWith(limited("5", null));
        signIn(model);

        signIn(model);
        signIn(model);

        assertThat(loginAttempts.get()).isEqualTo(1);
    }
}
