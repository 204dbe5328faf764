package app.registrar.ui.connect;

import static app.registrar.testing.FakeHomeserver.html;
import static app.registrar.testing.FakeHomeserver.json;
import static app.registrar.testing.FakeHomeserver.redirect;
import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.CertificatePins;
import app.registrar.api.ErrorCategory;
import app.registrar.api.LoginSession;
import app.registrar.api.Network;
import app.registrar.api.PresentedCertificate;
import app.registrar.api.ProxyPrompt;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.LastSession;
import app.registrar.service.MemoryCredentialStore;
import app.registrar.service.RecentServers;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FakeHomeserver;
import app.registrar.ui.common.CertificateQuestion;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.Preferences;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, cases 7–10, at the connect screen, against a homeserver played by MockWebServer over TLS (a private CA
 * stands in for the system's authorities; made-up names resolve to this computer). Each test checks the message
 * the admin reads, that everything typed is still there, and that no password or token went anywhere it should
 * not — in particular nothing before {@code /versions} answered as Matrix.
 */
class ConnectFaultsTest {

    private static final String USER = "admin";
    private static final String PASSWORD = "Connect-Secret-Pass-77!";
    private static final HeldCertificate CA = new HeldCertificate.Builder()
            .commonName("Registrar Test Root").certificateAuthority(0).build();

    private final List<MockWebServer> servers = new ArrayList<>();
    private final List<LoginSession> connected = new ArrayList<>();
    private final FakeDialogService dialogs = new FakeDialogService();
    private FakeHomeserver fake = new FakeHomeserver();
    private Preferences prefs;
    private CertificatePins pins;
    private ConnectViewModel model;
    private String typedServer;

    @BeforeEach
    void setUp() {
        prefs = Preferences.userRoot().node("app/registrar/test/" + UUID.randomUUID());
        pins = CertificatePins.inPreferences(prefs.node("trust"));
        model = newModel();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (MockWebServer server : servers) {
            server.close();
        }
        prefs.removeNode();
    }

    private ConnectViewModel newModel() {
        Network network = Network.withAuthorities(
                        List.of(new HandshakeCertificates.Builder().addTrustedCertificate(CA.certificate()).build().trustManager()),
                        pins, ProxyPrompt.NONE)
                .withDns(name -> List.of(InetAddress.getByName("127.0.0.1")));
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor(), new MemoryCredentialStore(),
                LastSession.inMemory(), network);
        return new ConnectViewModel(connection, dialogs, new RecentServers(prefs), (session, info) -> connected.add(session));
    }

    private static HeldCertificate certificateFor(String... names) {
        HeldCertificate.Builder builder = new HeldCertificate.Builder().commonName("Test Homeserver").signedBy(CA);
        for (String name : names) {
            builder.addSubjectAlternativeName(name);
        }
        return builder.build();
    }

    private static final HeldCertificate USUAL = certificateFor("localhost", "example.test", "matrix.example.test",
            "xn--bcher-kva.example", "127.0.0.1");

    private MockWebServer serve(FakeHomeserver homeserver, HeldCertificate certificate, String address) throws IOException {
        MockWebServer server = new MockWebServer();
        servers.add(server);
        server.setDispatcher(homeserver);
        if (certificate != null) {
            server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
        }
        server.start(InetAddress.getByName(address), 0);
        return server;
    }

    private MockWebServer serve() throws IOException {
        return serve(fake, USUAL, "127.0.0.1");
    }

    private void signIn(String server) {
        typedServer = server;
        model.serverProperty().set(server);
        model.userProperty().set(USER);
        model.passwordProperty().set(PASSWORD);
        model.signIn();
    }

    private static String messageOf(ErrorCategory category) {
        return tr("error." + category.name().toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    /** The attempt failed with this category's sentence, kept everything typed, and leaked nothing. */
    private void assertRefusedWith(ErrorCategory category) {
        assertThat(connected).isEmpty();
        assertThat(model.getError()).as("an error is shown").isNotNull();
        assertThat(model.getError().message()).isEqualTo(messageOf(category));
        assertThat(model.isBusy()).isFalse();
        assertThat(model.serverProperty().get()).isEqualTo(typedServer);
        assertThat(model.userProperty().get()).isEqualTo(USER);
        assertThat(model.passwordProperty().get()).isEqualTo(PASSWORD);
        assertThat(model.getError().summary() + model.getError().details())
                .doesNotContain(PASSWORD).doesNotContain(FakeHomeserver.TOKEN);
        assertThat(fake.credentialsSentBeforeVersions(PASSWORD)).as("credentials sent before /versions").isFalse();
    }

    private void assertSignedIn() {
        assertThat(model.getError()).as("no error").isNull();
        assertThat(connected).singleElement().satisfies(s -> assertThat(s.userId()).isEqualTo(FakeHomeserver.ADMIN));
        assertThat(fake.credentialsSentBeforeVersions(PASSWORD)).isFalse();
    }

    // ---- 7. server addresses -------------------------------------------------------------------------------

    @Test
    void addressWithAPathSignsInUnderThatPath() throws Exception {
        fake = new FakeHomeserver("/matrix");
        MockWebServer server = serve();

        signIn("https://localhost:" + server.getPort() + "/matrix/");

        assertSignedIn();
        assertThat(fake.paths()).allSatisfy(path -> assertThat(path).startsWith("/matrix/_"));
        assertThat(fake.paths()).contains("/matrix/_matrix/client/v3/login");
    }

    @Test
    void addressWithTrailingSlashesSignsIn() throws Exception {
        MockWebServer server = serve();

        signIn("https://localhost:" + server.getPort() + "///");

        assertSignedIn();
        assertThat(fake.paths()).first().isEqualTo("/_matrix/client/versions");
    }

    @Test
    void internationalisedServerNameIsLookedUpInItsAsciiForm() throws Exception {
        MockWebServer server = serve();
        fake.answer("/.well-known/matrix/client", json(200,
                "{\"m.homeserver\":{\"base_url\":\"https://xn--bcher-kva.example:" + server.getPort() + "/\"}}"));

        signIn("Bücher.example:" + server.getPort());

        assertSignedIn();
        // Over HTTP/2 the host travels as :authority, which MockWebServer puts in the request's URL.
        assertThat(fake.requests).allSatisfy(request ->
                assertThat(request.getUrl().host()).isEqualTo("xn--bcher-kva.example"));
        assertThat(fake.requests.get(0).getHandshakeServerNames()).containsExactly("xn--bcher-kva.example");
    }

    @Test
    void ipv6LiteralAddressSignsInWithACertificateForThatAddress() throws Exception {
        MockWebServer server = serve(fake, certificateFor("::1"), "::1");

        signIn("https://[::1]:" + server.getPort());

        assertSignedIn();
    }

    @Test
    void plainHttpIpv6LoopbackAddressIsAllowed() throws Exception {
        MockWebServer server = serve(fake, null, "::1");

        signIn("http://[::1]:" + server.getPort() + "/");

        assertSignedIn();
    }

    @Test
    void serverNameWithoutPortUsesHttpsAndIsRefusedWhenNothingListens() {
        signIn("nothing-listens.invalid");

        assertRefusedWith(ErrorCategory.NETWORK);
    }

    // ---- 8. discovery --------------------------------------------------------------------------------------

    @Test
    void missingWellKnownFallsBackToTheServerNameItself() throws Exception {
        MockWebServer server = serve();

        signIn("example.test:" + server.getPort());

        assertSignedIn();
        assertThat(fake.paths()).startsWith("/.well-known/matrix/client", "/_matrix/client/versions");
        assertThat(fake.requests.get(0).getHeaders().get("Authorization")).isNull();
    }

    @Test
    void wellKnownThatIsNotJsonIsRefusedAsNotAMatrixServer() throws Exception {
        MockWebServer server = serve();
        fake.answer("/.well-known/matrix/client", new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "text/plain").body("m.homeserver = https://example.test").build());

        signIn("example.test:" + server.getPort());

        assertRefusedWith(ErrorCategory.NOT_A_MATRIX_SERVER);
        assertThat(model.getError().details()).contains("not valid JSON");
        assertThat(fake.paths()).containsExactly("/.well-known/matrix/client");
    }

    @Test
    void wellKnownWithoutBaseUrlIsRefusedAsNotAMatrixServer() throws Exception {
        MockWebServer server = serve();
        fake.answer("/.well-known/matrix/client", json(200, "{\"m.homeserver\":{}}"));

        signIn("example.test:" + server.getPort());

        assertRefusedWith(ErrorCategory.NOT_A_MATRIX_SERVER);
        assertThat(model.getError().details()).contains("base_url");
        assertThat(fake.paths()).containsExactly("/.well-known/matrix/client");
    }

    @Test
    void wellKnownPointingToPlainHttpIsRefusedAsInsecureAndNotContacted() throws Exception {
        MockWebServer server = serve();
        MockWebServer plain = serve(fake, null, "127.0.0.1");
        fake.answer("/.well-known/matrix/client", json(200,
                "{\"m.homeserver\":{\"base_url\":\"http://matrix.example.test:" + plain.getPort() + "\"}}"));

        signIn("example.test:" + server.getPort());

        assertRefusedWith(ErrorCategory.INSECURE_ADDRESS);
        assertThat(plain.getRequestCount()).isZero();
    }

    @Test
    void wellKnownRedirectLoopIsRefusedAfterAtMostTwentyHops() throws Exception {
        MockWebServer server = serve();
        fake.answer("/.well-known/matrix/client",
                redirect(302, "https://example.test:" + server.getPort() + "/.well-known/matrix/client"));

        signIn("example.test:" + server.getPort());

        assertRefusedWith(ErrorCategory.NOT_A_MATRIX_SERVER);
        assertThat(model.getError().details()).contains("redirect");
        assertThat(fake.requests).hasSizeLessThanOrEqualTo(21);
    }

    @Test
    void wellKnownRedirectToPlainHttpIsNotFollowed() throws Exception {
        MockWebServer server = serve();
        MockWebServer plain = serve(fake, null, "127.0.0.1");
        fake.answer("/.well-known/matrix/client",
                redirect(301, "http://example.test:" + plain.getPort() + "/.well-known/matrix/client"));

        signIn("example.test:" + server.getPort());

        assertRefusedWith(ErrorCategory.INSECURE_ADDRESS);
        assertThat(plain.getRequestCount()).isZero();
    }

    @Test
    void wellKnownRedirectToAnotherHttpsHostIsFollowedAsTheSpecAsks() throws Exception {
        MockWebServer server = serve();
        fake.answer("/.well-known/matrix/client",
                redirect(301, "https://matrix.example.test:" + server.getPort() + "/static/client.json"));
        fake.answer("/static/client.json", json(200,
                "{\"m.homeserver\":{\"base_url\":\"https://matrix.example.test:" + server.getPort() + "\"}}"));

        signIn("example.test:" + server.getPort());

        assertSignedIn();
        assertThat(fake.requests.get(fake.requests.size() - 1).getUrl().host()).isEqualTo("matrix.example.test");
    }

    @Test
    void versionsThatIsNotMatrixIsRefusedBeforeAnyCredentialIsSent() throws Exception {
        MockWebServer server = serve();
        fake.answer("/_matrix/client/versions", html(200, "<!doctype html><title>Welcome to nginx!</title>"));

        signIn("https://localhost:" + server.getPort());

        assertRefusedWith(ErrorCategory.NOT_A_MATRIX_SERVER);
        assertThat(fake.paths()).doesNotContain("/_matrix/client/v3/login");
        assertThat(fake.anyRequestCarries(PASSWORD)).isFalse();
    }

    @Test
    void versionsAsJsonWithoutVersionsIsRefusedAndAPastedTokenIsNeverSent() throws Exception {
        MockWebServer server = serve();
        fake.answer("/_matrix/client/versions", json(200, "{\"status\":\"ok\"}"));
        typedServer = "https://localhost:" + server.getPort();
        model.serverProperty().set(typedServer);
        model.methodProperty().set(ConnectViewModel.Method.TOKEN);
        model.tokenProperty().set(FakeHomeserver.TOKEN);

        model.signIn();

        assertThat(model.getError().message()).isEqualTo(messageOf(ErrorCategory.NOT_A_MATRIX_SERVER));
        assertThat(model.tokenProperty().get()).isEqualTo(FakeHomeserver.TOKEN);
        assertThat(fake.anyRequestCarries(FakeHomeserver.TOKEN)).isFalse();
        assertThat(fake.requests).allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isNull());
        assertThat(model.getError().details()).doesNotContain(FakeHomeserver.TOKEN);
    }

    // ---- 9. reverse proxies and redirects ------------------------------------------------------------------

    @Test
    void htmlForbiddenFromAReverseProxyOnTheAdminApiSaysItIsNotReachableHere() throws Exception {
        MockWebServer server = serve();
        fake.answer("/_synapse/admin/v1/server_version", html(403, "<html><h1>403 Forbidden</h1>nginx</html>"));

        signIn("https://localhost:" + server.getPort());

        assertRefusedWith(ErrorCategory.ADMIN_API_UNREACHABLE);
        assertThat(fake.anyRequestCarries(PASSWORD)).as("no sign-in where the admin API is closed").isFalse();
    }

    @Test
    void htmlNotFoundFromAReverseProxyOnTheAdminApiSaysItIsNotReachableHere() throws Exception {
        MockWebServer server = serve();
        fake.answer("/_synapse/admin/v1/server_version", html(404, "<html><h1>404 Not Found</h1></html>"));

        signIn("https://localhost:" + server.getPort());

        assertRefusedWith(ErrorCategory.ADMIN_API_UNREACHABLE);
    }

    @Test
    void htmlForbiddenOnTheAdminCheckAfterSignInSaysTheAdminApiIsNotReachable() throws Exception {
        MockWebServer server = serve();
        fake.answer("/_synapse/admin/v2/users/%40admin%3Aexample.test", html(403, "<html>Access denied by proxy</html>"));

        signIn("https://localhost:" + server.getPort());

        assertRefusedWith(ErrorCategory.ADMIN_API_UNREACHABLE);
    }

    @Test
    void redirectOnTheSignInIsNotFollowedAndThePasswordGoesNowhereElse() throws Exception {
        MockWebServer server = serve();
        fake.answer("POST /_matrix/client/v3/login",
                redirect(307, "https://localhost:" + server.getPort() + "/elsewhere/login"));

        signIn("https://localhost:" + server.getPort());

        assertRefusedWith(ErrorCategory.REDIRECTED);
        assertThat(fake.paths()).doesNotContain("/elsewhere/login");
        assertThat(fake.requests.stream().filter(r -> r.getMethod().equals("POST"))).hasSize(1);
    }

    // ---- 10. certificates ----------------------------------------------------------------------------------

    @Test
    void selfSignedCertificateIsAskedAboutWithItsFingerprintAndRefusedWhenDeclined() throws Exception {
        HeldCertificate selfSigned = new HeldCertificate.Builder().commonName("matrix.lan").addSubjectAlternativeName("localhost").build();
        MockWebServer server = serve(fake, selfSigned, "127.0.0.1");

        signIn("https://localhost:" + server.getPort());

        CertificateQuestion question = dialogs.certificateQuestions.get(0);
        assertThat(question.fingerprint()).isEqualTo(PresentedCertificate.fingerprint(selfSigned.certificate()));
        assertThat(question.header()).contains("localhost:" + server.getPort());
        assertThat(question.details()).contains("CN=matrix.lan");
        assertThat(question.changed()).isFalse();
        assertRefusedWith(ErrorCategory.CERTIFICATE_UNTRUSTED);
        assertThat(model.getError().details()).contains(question.fingerprint());
        assertThat(model.serverProblemProperty().get()).isNotEmpty();
        assertThat(fake.requests).as("nothing was sent over the refused connection").isEmpty();
        assertThat(pins.pinned("localhost", server.getPort())).isEmpty();
    }

    @Test
    void trustingASelfSignedCertificatePinsItAndSignsIn() throws Exception {
        HeldCertificate selfSigned = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        MockWebServer server = serve(fake, selfSigned, "127.0.0.1");
        dialogs.trust(true);

        signIn("https://localhost:" + server.getPort());

        assertSignedIn();
        assertThat(dialogs.certificateQuestions).hasSize(1);
        assertThat(pins.pinned("localhost", server.getPort()))
                .contains(PresentedCertificate.fingerprint(selfSigned.certificate()));

        connected.clear();
        model = newModel();
        signIn("https://localhost:" + server.getPort());
        assertSignedIn();
        assertThat(dialogs.certificateQuestions).as("asked once, not again").hasSize(1);
    }

    @Test
    void changedCertificateIsAskedAboutAsAWarningAndRefusedWhenDeclined() throws Exception {
        HeldCertificate renewed = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        MockWebServer server = serve(fake, renewed, "127.0.0.1");
        String earlier = PresentedCertificate.fingerprint(
                new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build().certificate());
        pins.pin("localhost", server.getPort(), earlier);

        signIn("https://localhost:" + server.getPort());

        CertificateQuestion question = dialogs.certificateQuestions.get(0);
        assertThat(question.changed()).isTrue();
        assertThat(question.header()).isEqualTo(tr("certificate.changed.header", "localhost:" + server.getPort()));
        assertThat(question.details()).contains(earlier);
        assertRefusedWith(ErrorCategory.CERTIFICATE_CHANGED);
        assertThat(pins.pinned("localhost", server.getPort())).as("the old pin stays").contains(earlier);
    }

    @Test
    void expiredCertificateIsRefusedWithoutOfferingToTrustIt() throws Exception {
        long now = System.currentTimeMillis();
        HeldCertificate expired = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").signedBy(CA)
                .validityInterval(now - Duration.ofDays(90).toMillis(), now - Duration.ofDays(1).toMillis()).build();
        MockWebServer server = serve(fake, expired, "127.0.0.1");
        dialogs.trust(true);

        signIn("https://localhost:" + server.getPort());

        assertThat(dialogs.certificateQuestions).isEmpty();
        assertRefusedWith(ErrorCategory.CERTIFICATE_EXPIRED);
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void wrongHostCertificateIsRefusedWithoutOfferingToTrustIt() throws Exception {
        MockWebServer server = serve(fake, certificateFor("matrix.example.org"), "127.0.0.1");
        dialogs.trust(true);

        signIn("https://localhost:" + server.getPort());

        assertThat(dialogs.certificateQuestions).isEmpty();
        assertRefusedWith(ErrorCategory.CERTIFICATE_WRONG_HOST);
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void selfSignedWrongHostCertificateIsRefusedWithoutOfferingToTrustIt() throws Exception {
        MockWebServer server = serve(fake, new HeldCertificate.Builder().addSubjectAlternativeName("other.lan").build(), "127.0.0.1");
        dialogs.trust(true);

        signIn("https://localhost:" + server.getPort());

        assertThat(dialogs.certificateQuestions).isEmpty();
        assertRefusedWith(ErrorCategory.CERTIFICATE_WRONG_HOST);
    }
}
