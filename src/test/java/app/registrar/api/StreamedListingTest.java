package app.registrar.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The streamed account listing ({@link AdminApi#streamUsers}) against replies a real Synapse will not give on
 * demand: cut off half-way, malformed, an error, a proxy page. Its normal behaviour against Synapse is covered by the
 * export tests ({@code CsvExportSynapseTest}).
 */
class StreamedListingTest {

    private static final String TOKEN = "syt_c3RyZWFt_secretSecretSecret_9z8y7x";
    private static final String ROW = "{\"name\":\"@p%d:example.org\",\"displayname\":\"Person %d\",\"creation_ts\":1700000000000}";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private AdminApi admin;

    @BeforeEach
    void connect() {
        OkHttpClient fast = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build();
        HttpTransport http = new HttpTransport(server.url("/"), fast);
        http.session().useToken(new AccessToken(TOKEN));
        admin = new AdminApi(http);
    }

    private static String rows(int from, int count) {
        List<String> rows = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            rows.add(String.format(ROW, i, i));
        }
        return String.join(",", rows);
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void everyRowReachesTheSinkInOrderWithTheTotalAndNextTokenThatFollowThem() throws Exception {
        server.enqueue(json("{\"users\":[" + rows(0, 3) + "],\"total\":42,\"next_token\":\"3\",\"brand_new\":{\"a\":[1]}}"));
        List<UserSummary> seen = new ArrayList<>();

        StreamedPage page = admin.streamUsers(UserQuery.all().withLimit(3), seen::add);

        assertThat(seen).extracting(UserSummary::userId).containsExactly("@p0:example.org", "@p1:example.org", "@p2:example.org");
        assertThat(seen.get(1).displayName()).isEqualTo("Person 1");
        assertThat(page).isEqualTo(new StreamedPage(42, "3", 3));
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/_synapse/admin/v3/users");
        assertThat(request.getUrl().queryParameter("limit")).isEqualTo("3");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void theLastPageHasNoNextToken() {
        server.enqueue(json("{\"total\":1,\"users\":[" + rows(0, 1) + "],\"next_token\":null}"));

        StreamedPage page = admin.streamUsers(UserQuery.all(), row -> { });

        assertThat(page).isEqualTo(new StreamedPage(1, null, 1));
    }

    @Test
    void rowsAreHandedOnBeforeTheWholeReplyHasArrived() {
        // The connection breaks off inside the rows: a reader that waited for the whole body would hand on none.
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeader("Content-Length", "1000000")
                .body("{\"users\":[" + rows(0, 200) + "," + rows(200, 1))
                .onResponseBody(new SocketEffect.CloseSocket(true, true, true)).build());
        List<UserSummary> seen = new ArrayList<>();

        MatrixApiException error = catchThrowableOfType(MatrixApiException.class,
                () -> admin.streamUsers(UserQuery.all().withLimit(1000), seen::add));

        assertThat(error).isNotNull();
        assertThat(error.category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(0).userId()).isEqualTo("@p0:example.org");
        assertThat(error.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void aReplyThatEndsInsideTheRowsIsNotTakenForACompletePage() {
        server.enqueue(json("{\"users\":[" + rows(0, 2) + ","));

        MatrixApiException error = catchThrowableOfType(MatrixApiException.class,
                () -> admin.streamUsers(UserQuery.all(), row -> { }));

        assertThat(error).isNotNull();
        assertThat(error.category()).isEqualTo(ErrorCategory.UNEXPECTED_RESPONSE);
    }

    @Test
    void anErrorReplyIsCategorisedAsForAWholeRead() {
        server.enqueue(new MockResponse.Builder().code(403).addHeader("Content-Type", "application/json")
                .body("{\"errcode\":\"M_FORBIDDEN\",\"error\":\"You are not a server admin\"}").build());

        MatrixApiException error = catchThrowableOfType(MatrixApiException.class,
                () -> admin.streamUsers(UserQuery.all(), row -> { }));

        assertThat(error).isNotNull();
        assertThat(error.category()).isEqualTo(ErrorCategory.NOT_ADMIN);
        assertThat(error.errcode()).contains("M_FORBIDDEN");
    }

    @Test
    void aProxyPageWithStatus200IsNotMistakenForAnEmptyList() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<!doctype html><title>Sign in to the proxy</title>").build());

        MatrixApiException error = catchThrowableOfType(MatrixApiException.class,
                () -> admin.streamUsers(UserQuery.all(), row -> { }));

        assertThat(error).isNotNull();
        assertThat(error.category()).isEqualTo(ErrorCategory.ADMIN_API_UNREACHABLE);
    }

    @Test
    void aSinkThatFailsEndsTheReadWithItsOwnFailure() {
        server.enqueue(json("{\"users\":[" + rows(0, 5) + "],\"total\":5}"));
        IllegalStateException full = new IllegalStateException("disk full");

        IllegalStateException error = catchThrowableOfType(IllegalStateException.class,
                () -> admin.streamUsers(UserQuery.all(), row -> {
                    throw full;
                }));

        assertThat(error).isSameAs(full);
    }

    @Test
    void aReplyThatStartsLaterThanTheClientsReadTimeoutIsStillRead() {
        // Synapse prepares a whole listing before its first byte: the client's 500 ms must not end the wait.
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .headersDelay(1500, TimeUnit.MILLISECONDS).body("{\"users\":[" + rows(0, 2) + "],\"total\":2}").build());
        List<UserSummary> seen = new ArrayList<>();

        StreamedPage page = admin.streamUsers(UserQuery.all(), seen::add);

        assertThat(page).isEqualTo(new StreamedPage(2, null, 2));
        assertThat(seen).hasSize(2);
    }

    @Test
    void theWaitForTheFirstByteGrowsWithTheRowsAskedFor() {
        assertThat(AdminApi.firstByteTimeout(100)).isBetween(HttpTransport.STREAM_READ_TIMEOUT,
                HttpTransport.STREAM_READ_TIMEOUT.plusSeconds(1));
        // A million rows: Synapse needed about 40 s on a quiet two-core machine; a busy one must not be cut off.
        assertThat(AdminApi.firstByteTimeout(1_000_000)).isGreaterThan(Duration.ofMinutes(5));
    }
}
