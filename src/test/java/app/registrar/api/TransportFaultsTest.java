package app.registrar.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults a real Synapse will not produce on demand, played by MockWebServer; each checks the request sent too. */
class TransportFaultsTest {

    private static final String TOKEN = "syt_dGVzdA_secretSecretSecret_0a1b2c";
    private static final String ALICE = "@alice:example.org";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private AdminApi admin;
    private HttpTransport http;

    @BeforeEach
    void connect() {
        OkHttpClient fast = new OkHttpClient.Builder()
                .readTimeout(Duration.ofMillis(500))
                .callTimeout(Duration.ofSeconds(10))
                .build();
        http = new HttpTransport(server.url("/"), fast);
        http.session().useToken(new AccessToken(TOKEN));
        admin = new AdminApi(http);
    }

    private MatrixApiException failure(Runnable call) {
        MatrixApiException error = catchThrowableOfType(MatrixApiException.class, call::run);
        assertThat(error).as("the call should have failed").isNotNull();
        assertThat(error.getMessage()).doesNotContain(TOKEN);
        return error;
    }

    private RecordedRequest taken() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request should have reached the server").isNotNull();
        return request;
    }

    @Test
    void rateLimitWithRetryAfterHeaderCarriesTheWait() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
                .body("{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"Too Many Requests\"}").build());

        MatrixApiException error = failure(() -> admin.getUser(ALICE));

        assertThat(error.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(taken().getMethod()).isEqualTo("GET");
    }

    @Test
    void rateLimitWithOnlyRetryAfterMsCarriesTheWait() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429)
                .body("{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"Too Many Requests\",\"retry_after_ms\":2500}").build());

        MatrixApiException error = failure(() -> new AuthApi(http).loginWithPassword("admin", "secret-password"));

        assertThat(error.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(error.retryAfter()).contains(Duration.ofMillis(2500));
        assertThat(error.getMessage()).doesNotContain("secret-password");
        RecordedRequest request = taken();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/_matrix/client/v3/login");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(server.getRequestCount()).as("login is never retried by itself").isEqualTo(1);
    }

    @Test
    void badGatewayWithHtmlBodyIsAServerError() throws Exception {
        server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());

        MatrixApiException error = failure(() -> admin.listUsers(UserQuery.all()));

        assertThat(error.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
        assertThat(error.status()).isEqualTo(502);
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/_synapse/admin/v3/users");
    }

    @Test
    void nonJsonNotFoundOnTheAdminApiMeansItIsNotReachableHere() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "text/html")
                .body("<html><body>Not Found</body></html>").build());

        MatrixApiException error = failure(() -> admin.getUser(ALICE));

        assertThat(error.category()).isEqualTo(ErrorCategory.ADMIN_API_UNREACHABLE);
        assertThat(error.errcode()).isEmpty();
        assertThat(taken().getUrl().encodedPath()).startsWith("/_synapse/admin/v2/users/");
    }

    @Test
    void htmlPageWithStatus200OnTheAdminApiIsNotMistakenForData() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<!doctype html><title>Sign in to the proxy</title>").build());

        assertThat(failure(() -> admin.getUser(ALICE)).category()).isEqualTo(ErrorCategory.ADMIN_API_UNREACHABLE);
    }

    @Test
    void disconnectDuringTheResponseIsANetworkFailure() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Length", "5000")
                .body("{\"users\":[" + "{\"name\":\"@x:y\"},".repeat(50))
                .onResponseBody(new SocketEffect.CloseSocket(true, true, true)).build());

        MatrixApiException error = failure(() -> admin.listUsers(UserQuery.all()));

        assertThat(error.category()).isIn(ErrorCategory.NETWORK);
        assertThat(taken().getMethod()).isEqualTo("GET");
    }

    @Test
    void stallPastTheReadTimeoutIsATimeout() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}")
                .headersDelay(3, TimeUnit.SECONDS).build());

        MatrixApiException error = failure(() -> admin.getUser(ALICE));

        assertThat(error.category()).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(taken().getMethod()).isEqualTo("GET");
    }

    @Test
    void redirectOnAPutIsAnErrorAndIsNeverFollowed() throws Exception {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", server.url("/elsewhere")).build());
        server.enqueue(new MockResponse.Builder().code(200).body("{\"name\":\"@alice:example.org\"}").build());

        MatrixApiException error = failure(() -> admin.modifyUser(ALICE, new UserUpdate().displayName("Alice")));

        assertThat(error.category()).isEqualTo(ErrorCategory.REDIRECTED);
        RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getBody().utf8()).isEqualTo("{\"displayname\":\"Alice\"}");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void zeroOneBooleansNullsAndUnknownFieldsAreRead() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("""
                {"name":"@alice:example.org","admin":1,"deactivated":0,"locked":null,"erased":0,"shadow_banned":1,
                 "is_guest":0,"creation_ts":1700000000,"threepids":null,"external_ids":[],
                 "brand_new_field":{"nested":[1,2,3]},"displayname":"Alice"}
                """).build());

        UserDetails user = admin.getUser(ALICE);

        assertThat(user.admin()).isTrue();
        assertThat(user.deactivated()).isFalse();
        assertThat(user.locked()).isFalse();
        assertThat(user.shadowBanned()).isTrue();
        assertThat(user.threepids()).isEmpty();
        assertThat(user.createdAt().getEpochSecond()).isEqualTo(1_700_000_000L);
        assertThat(taken().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void userIdsAreEncodedAsOnePathSegmentAndDotSegmentsAreRefused() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"name\":\"@a/b:example.org\"}").build());

        admin.getUser("@a/b:example.org");

        assertThat(taken().getUrl().encodedPath()).isEqualTo("/_synapse/admin/v2/users/%40a%2Fb%3Aexample.org");
        assertThat(failure(() -> admin.deleteDevice(ALICE, "..")).category()).isEqualTo(ErrorCategory.INVALID_INPUT);
        assertThat(failure(() -> admin.getUser(".")).category()).isEqualTo(ErrorCategory.INVALID_INPUT);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void tokenEchoedByTheServerNeverReachesTheExceptionMessage() {
        server.enqueue(new MockResponse.Builder().code(400)
                .body("{\"errcode\":\"M_UNKNOWN\",\"error\":\"bad request with Authorization: Bearer " + TOKEN + "\"}").build());

        MatrixApiException error = failure(() -> admin.getUser(ALICE));

        assertThat(error.serverError()).hasValueSatisfying(text -> assertThat(text).doesNotContain(TOKEN));
        assertThat(error.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
    }

    @Test
    void softLogoutIsReportedWithTheInvalidToken() {
        server.enqueue(new MockResponse.Builder().code(401)
                .body("{\"errcode\":\"M_UNKNOWN_TOKEN\",\"error\":\"expired\",\"soft_logout\":true}").build());

        MatrixApiException error = failure(() -> admin.getUser(ALICE));

        assertThat(error.category()).isEqualTo(ErrorCategory.TOKEN_INVALID);
        assertThat(error.softLogout()).isTrue();
    }

    @Test
    void cancellingAbortsTheCallInFlight() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(5, TimeUnit.SECONDS).build());
        Cancellation cancellation = new Cancellation();
        OkHttpClient patient = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
        HttpTransport slow = new HttpTransport(server.url("/"), patient);
        slow.session().useToken(new AccessToken(TOKEN));

        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                cancellation.bind(() -> new AdminApi(slow).getUser(ALICE));
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        taken();
        cancellation.cancel();

        Throwable error = outcome.get(3, TimeUnit.SECONDS);
        assertThat(error).isInstanceOfSatisfying(MatrixApiException.class,
                e -> assertThat(e.category()).isEqualTo(ErrorCategory.CANCELLED));
    }

    @Test
    void plainHttpToAnotherComputerIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> ServerAddress.parse("http://matrix.example.org"))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INSECURE_ADDRESS));
        assertThat(ServerAddress.parse("http://127.0.0.1:8008/").explicitUrl().toString()).isEqualTo("http://127.0.0.1:8008/");
        assertThat(ServerAddress.parse("example.org").isServerName()).isTrue();
    }
}
