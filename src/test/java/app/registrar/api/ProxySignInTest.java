package app.registrar.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.prefs.Preferences;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A proxy that asks for a password, played by MockWebServer answering 407: asked once, never logged. */
class ProxySignInTest {

    private static final String PROXY_PASSWORD = "Proxy-Secret-4711";
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString(("carol:" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final MockResponse ASK = new MockResponse.Builder().code(407)
            .addHeader("Proxy-Authenticate", "Basic realm=\"Head office\"").build();
    private static final MockResponse VERSIONS = new MockResponse.Builder().body("{\"versions\":[\"v1.11\"]}").build();

    private final MockWebServer proxy = new MockWebServer();
    private final List<ProxyPrompt.Question> questions = new ArrayList<>();
    private final Deque<ProxyCredentials> answers = new ArrayDeque<>();
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Preferences prefs;
    private Network network;

    @BeforeEach
    void setUp() {
        prefs = Preferences.userRoot().node("app/registrar/test/" + UUID.randomUUID());
        network = Network.withAuthorities(List.of(CertificateTrustTest.trustingOnly(CA)), CertificatePins.inPreferences(prefs),
                question -> {
                    questions.add(question);
                    return Optional.ofNullable(answers.poll());
                });
        Logger http = Logger.getLogger("app.registrar.http");
        http.setLevel(Level.ALL);
        http.addHandler(capture);
    }

    @AfterEach
    void tearDown() throws Exception {
        Logger.getLogger("app.registrar.http").removeHandler(capture);
        Logger.getLogger("app.registrar.http").setLevel(null);
        proxy.close();
        prefs.removeNode();
    }

    private static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0).build();

    /** A transport whose every connection goes through the proxy, as the system's ProxySelector would route it. */
    private HttpTransport through(HttpUrl base) {
        OkHttpClient viaProxy = network.client().newBuilder().proxy(proxy.getProxyAddress()).build();
        return new HttpTransport(base, viaProxy);
    }

    private JsonNode versions(HttpTransport http) {
        return http.getPublic(http.url("_matrix", "client", "versions"), JsonNode.class);
    }

    @Test
    void proxyAskingForAPasswordIsAskedOnceAndTheAnswerIsReused() throws Exception {
        proxy.enqueue(ASK);
        proxy.enqueue(VERSIONS);
        proxy.enqueue(ASK);
        proxy.enqueue(VERSIONS);
        proxy.start();
        answers.add(new ProxyCredentials("carol", PROXY_PASSWORD));
        HttpTransport http = through(HttpUrl.get("http://127.0.0.1:8008/"));

        versions(http);
        versions(http);

        assertThat(questions).singleElement().satisfies(q -> {
            assertThat(q.realm()).isEqualTo("Head office");
            assertThat(q.proxyPort()).isEqualTo(proxy.getPort());
            assertThat(q.refusedBefore()).isFalse();
        });
        RecordedRequest first = proxy.takeRequest();
        assertThat(first.getHeaders().get("Proxy-Authorization")).isNull();
        assertThat(proxy.takeRequest().getHeaders().get("Proxy-Authorization")).isEqualTo(BASIC);
        proxy.takeRequest();
        assertThat(proxy.takeRequest().getHeaders().get("Proxy-Authorization")).isEqualTo(BASIC);
        assertThat(logged).noneMatch(line -> line.contains(PROXY_PASSWORD) || line.contains(BASIC.substring(6)));
    }

    @Test
    void httpsThroughAProxyTunnelSendsTheRememberedPasswordWithoutAskingAgain() throws Exception {
        HeldCertificate certificate = new HeldCertificate.Builder().addSubjectAlternativeName("matrix.example.org")
                .signedBy(CA).build();
        proxy.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
        proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"corp\"").inTunnel().build());
        proxy.enqueue(new MockResponse.Builder().code(200).inTunnel().build());
        proxy.enqueue(VERSIONS);
        proxy.start();
        answers.add(new ProxyCredentials("carol", PROXY_PASSWORD));
        OkHttpClient viaProxy = network.client().newBuilder().proxy(proxy.getProxyAddress())
                .connectionPool(new ConnectionPool()).build();
        HttpTransport http = new HttpTransport(HttpUrl.get("https://matrix.example.org/"), viaProxy);

        assertThat(versions(http).has("versions")).isTrue();

        RecordedRequest connect = proxy.takeRequest();
        assertThat(connect.getMethod()).isEqualTo("CONNECT");
        assertThat(connect.getHeaders().get("Proxy-Authorization")).isNull();
        RecordedRequest retried = proxy.takeRequest();
        assertThat(retried.getMethod()).isEqualTo("CONNECT");
        assertThat(retried.getHeaders().get("Proxy-Authorization")).isEqualTo(BASIC);
        RecordedRequest inside = proxy.takeRequest();
        assertThat(inside.getHeaders().get("Proxy-Authorization")).as("never sent to the homeserver itself").isNull();

        // A new tunnel (the pool is emptied) carries the remembered password at once.
        viaProxy.connectionPool().evictAll();
        proxy.enqueue(new MockResponse.Builder().code(200).inTunnel().build());
        proxy.enqueue(VERSIONS);
        versions(http);
        assertThat(proxy.takeRequest().getHeaders().get("Proxy-Authorization")).isEqualTo(BASIC);
        assertThat(questions).hasSize(1);
    }

    @Test
    void refusedPasswordIsAskedForAgainAndCancellingFailsWithProxyAuthentication() throws Exception {
        proxy.enqueue(ASK);
        proxy.enqueue(ASK);
        proxy.start();
        answers.add(new ProxyCredentials("carol", PROXY_PASSWORD));
        HttpTransport http = through(HttpUrl.get("http://127.0.0.1:8008/"));

        MatrixApiException error = catchThrowableOfType(MatrixApiException.class, () -> versions(http));

        assertThat(error.category()).isEqualTo(ErrorCategory.PROXY_AUTHENTICATION);
        assertThat(questions).hasSize(2);
        assertThat(questions.get(1).refusedBefore()).isTrue();
        assertThat(error.getMessage()).doesNotContain(PROXY_PASSWORD).doesNotContain(BASIC.substring(6));
        assertThat(String.valueOf(error.serverError().orElse(""))).doesNotContain(PROXY_PASSWORD);
    }

    @Test
    void tunnelRefusedByTheProxyFailsWithProxyAuthenticationWhenNobodyCanAnswer() throws Exception {
        proxy.useHttps(new HandshakeCertificates.Builder()
                .heldCertificate(new HeldCertificate.Builder().addSubjectAlternativeName("matrix.example.org").signedBy(CA).build())
                .build().sslSocketFactory());
        proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"corp\"").inTunnel().build());
        proxy.start();
        HttpTransport http = new HttpTransport(HttpUrl.get("https://matrix.example.org/"),
                network.client().newBuilder().proxy(proxy.getProxyAddress()).connectionPool(new ConnectionPool()).build());

        MatrixApiException error = catchThrowableOfType(MatrixApiException.class, () -> versions(http));

        assertThat(error.category()).isEqualTo(ErrorCategory.PROXY_AUTHENTICATION);
        assertThat(questions).hasSize(1);
    }

    @Test
    void proxyAskingOnlyForNtlmGetsNoPasswordPrompt() throws Exception {
        proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "NTLM").build());
        proxy.start();
        HttpTransport http = through(HttpUrl.get("http://127.0.0.1:8008/"));

        MatrixApiException error = catchThrowableOfType(MatrixApiException.class, () -> versions(http));

        assertThat(error.category()).isEqualTo(ErrorCategory.PROXY_AUTHENTICATION);
        assertThat(error.status()).isEqualTo(407);
        assertThat(questions).isEmpty();
    }

    @Test
    void proxyCredentialsNeverShowTheirPasswordAndBasicHeadersAreRedacted() {
        ProxyCredentials credentials = new ProxyCredentials("carol", PROXY_PASSWORD);

        assertThat(credentials.toString()).doesNotContain(PROXY_PASSWORD);
        assertThat(Redactor.scrub("Proxy-Authorization: " + BASIC)).doesNotContain(BASIC.substring(6));
        assertThat(Redactor.scrub("Basic authentication is required")).isEqualTo("Basic authentication is required");
    }
}
