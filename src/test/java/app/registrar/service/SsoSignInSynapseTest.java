package app.registrar.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.Cancellation;
import app.registrar.api.ErrorCategory;
import app.registrar.api.Homeserver;
import app.registrar.api.LoginSession;
import app.registrar.api.MatrixApiException;
import app.registrar.api.ServerApi;
import app.registrar.api.ServerInfo;
import app.registrar.api.UserUpdate;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single sign-on's second half against the real Synapse. No identity provider runs here, so the test plays the
 * browser: it mints a login token from an existing admin session (MSC3882, enabled in the test config) and
 * delivers it to Registrar's loopback listener exactly where the server's redirect would.
 */
@ExtendWith(SynapseExtension.class)
class SsoSignInSynapseTest {

    static String mintLoginToken(TestSynapse synapse, String accessToken) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(synapse.url() + "_matrix/client/v1/login/get_token"))
                .header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        JsonNode json = new ObjectMapper().readTree(body);
        assertThat(json.path("login_token").asText()).as("minted login token (reply: %s)", body).startsWith("syl_");
        return json.path("login_token").asText();
    }

    /**
     * Plays the browser coming back with a plain socket: the JDK's HTTP clients log request URLs at debug level,
     * and this one carries a login token that LogLeakTest rightly refuses to see in any log.
     */
    static int playBrowser(String url) throws Exception {
        URI uri = URI.create(url);
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void loginTokenDeliveredToTheLoopbackSignsTheAdminIn(TestSynapse synapse) throws Exception {
        ServerInfo server = ServerApi.describe(synapse.url());
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor());
        SsoLoopback loopback = SsoLoopback.start();
        String ssoUrl = ConnectionService.ssoRedirectUrl(server, loopback);
        HttpUrl parsed = HttpUrl.get(ssoUrl);
        assertThat(parsed.encodedPath()).isEqualTo("/_matrix/client/v3/login/sso/redirect");
        assertThat(parsed.queryParameter("redirectUrl")).isEqualTo(loopback.redirectUrl()).startsWith("http://127.0.0.1:");

        // Synapse lets each account mint one login token a minute, so a fresh admin plays the person signing in.
        String adminId = synapse.newUserId("sso-admin");
        synapse.signedInAdmin().admin().createUser(adminId,
                new UserUpdate().password("Sso-Admin-Pass-1").admin(true));
        String adminToken = new Homeserver(synapse.url()).auth().loginWithPassword(adminId, "Sso-Admin-Pass-1")
                .accessToken().reveal();
        String loginToken = mintLoginToken(synapse, adminToken);
        // The browser comes back a moment later, while Registrar waits on its worker.
        Thread browser = new Thread(() -> {
            try {
                Thread.sleep(200);
                assertThat(playBrowser(loopback.redirectUrl() + "?loginToken=" + loginToken)).isEqualTo(200);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        browser.start();
        AtomicReference<LoginSession> session = new AtomicReference<>();
        connection.signInWithSso(server, loopback, Duration.ofSeconds(20)).onSuccess(session::set).onFailure(e -> {
            throw e;
        }).start();
        browser.join();

        assertThat(session.get().userId()).isEqualTo(adminId);
        assertThat(connection.session()).isPresent();
        assertThat(new Homeserver(synapse.url()).isSignedIn()).isFalse();
    }

    @Test
    void loopbackRefusesACallWithoutATokenAndKeepsWaiting(TestSynapse synapse) throws Exception {
        try (SsoLoopback loopback = SsoLoopback.start()) {
            assertThat(playBrowser(loopback.redirectUrl())).isEqualTo(400);
            assertThat(playBrowser(loopback.redirectUrl() + "?loginToken=abc")).isEqualTo(200);
            assertThat(playBrowser(loopback.redirectUrl() + "?loginToken=second")).as("only the first token counts").isEqualTo(400);
        }
    }

    @Test
    void cancellingTheWaitEndsItWithCancelled() throws Exception {
        SsoLoopback loopback = SsoLoopback.start();
        Cancellation cancellation = new Cancellation();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                cancellation.bind(() -> loopback.awaitToken(Duration.ofMinutes(1)));
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        worker.start();
        Thread.sleep(200);
        cancellation.cancel();
        worker.join(5000);

        assertThat(outcome.get()).isInstanceOfSatisfying(MatrixApiException.class,
                e -> assertThat(e.category()).isEqualTo(ErrorCategory.CANCELLED));
    }
}
