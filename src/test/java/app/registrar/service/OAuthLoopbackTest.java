package app.registrar.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The listener MAS sends the browser back to: only the answer with this sign-in's state counts, a refusal ends the
 * wait with what it means, and closing it — a cancelled sign-in — ends the wait at once and frees the port.
 */
@Tag("fast")
class OAuthLoopbackTest {

    private static final HttpClient BROWSER = HttpClient.newHttpClient();

    private static int visit(String url) throws Exception {
        return BROWSER.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void onlyTheAnswerCarryingThisSignInsStateIsTaken() throws Exception {
        try (OAuthLoopback loopback = OAuthLoopback.start("state-1")) {
            assertThat(visit(loopback.redirectUri() + "?state=someone-else&code=forged")).isEqualTo(400);
            assertThat(visit(loopback.redirectUri() + "?state=state-1&code=the-code")).isEqualTo(200);

            assertThat(loopback.awaitCode(Duration.ofSeconds(5))).isEqualTo("the-code");
        }
    }

    @Test
    void refusalOnMasIsTheAccountMayNotRequestAdmin() throws Exception {
        try (OAuthLoopback loopback = OAuthLoopback.start("state-2")) {
            assertThat(visit(loopback.redirectUri() + "?state=state-2&error=access_denied")).isEqualTo(400);

            assertThatThrownBy(() -> loopback.awaitCode(Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(MatrixApiException.class,
                            e -> assertThat(e.category()).isEqualTo(ErrorCategory.MAS_NOT_ADMIN));
        }
    }

    @Test
    void closingEndsTheWaitAtOnceAsCancelledAndStopsListening() throws Exception {
        OAuthLoopback loopback = OAuthLoopback.start("state-3");
        int port = URI.create(loopback.redirectUri()).getPort();
        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                loopback.awaitCode(Duration.ofMinutes(5));
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });

        loopback.close();

        assertThat(waiting.get(10, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(MatrixApiException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.CANCELLED));
        assertThat(listening(port)).as("port %d still listening", port).isFalse();
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
