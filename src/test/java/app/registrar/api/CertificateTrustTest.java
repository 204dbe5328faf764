package app.registrar.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import javax.net.ssl.X509TrustManager;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, case 10 and the certificate rules of docs/architecture.md, on a MockWebServer speaking TLS with
 * certificates made by okhttp-tls: a private CA stands in for the system's authorities, so "trusted" is real
 * path validation and not a switch.
 */
class CertificateTrustTest {

    private static final String TOKEN = "syt_Y2VydA_secretSecretSecret_9z8y7x";
    private static final HeldCertificate CA = new HeldCertificate.Builder()
            .commonName("Registrar Test Root").certificateAuthority(0).build();

    private final MockWebServer server = new MockWebServer();
    private Preferences prefs;
    private CertificatePins pins;
    private Network network;

    @BeforeEach
    void setUp() {
        prefs = Preferences.userRoot().node("app/registrar/test/" + UUID.randomUUID());
        pins = CertificatePins.inPreferences(prefs);
        network = Network.withAuthorities(List.of(trustingOnly(CA)), pins, ProxyPrompt.NONE);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        prefs.removeNode();
    }

    static X509TrustManager trustingOnly(HeldCertificate authority) {
        return new HandshakeCertificates.Builder().addTrustedCertificate(authority.certificate()).build().trustManager();
    }

    /** Serves TLS with this certificate and answers /versions as a homeserver would. */
    private HttpUrl serveWith(HeldCertificate certificate, HeldCertificate... intermediates) throws IOException {
        server.useHttps(new HandshakeCertificates.Builder()
                .heldCertificate(certificate, Arrays.stream(intermediates)
                        .map(HeldCertificate::certificate).toArray(X509Certificate[]::new))
                .build().sslSocketFactory());
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().body("{\"versions\":[\"v1.11\"]}").build());
        }
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server.url("/").newBuilder().host("localhost").build();
    }

    private static HeldCertificate.Builder leaf(String... names) {
        HeldCertificate.Builder builder = new HeldCertificate.Builder().commonName("Test Homeserver");
        for (String name : names) {
            builder.addSubjectAlternativeName(name);
        }
        return builder;
    }

    private JsonNode versions(HttpUrl base) {
        HttpTransport http = new HttpTransport(base, network);
        http.session().useToken(new AccessToken(TOKEN));
        return http.get(http.url("_matrix", "client", "versions"), JsonNode.class);
    }

    private MatrixApiException refused(HttpUrl base) {
        MatrixApiException error = catchThrowableOfType(MatrixApiException.class, () -> versions(base));
        assertThat(error).as("the connection should have been refused").isNotNull();
        assertThat(error.getMessage()).doesNotContain(TOKEN);
        assertThat(server.getRequestCount()).as("no HTTP request, so no token, reached the server").isZero();
        return error;
    }

    @Test
    void certificateSignedByATrustedAuthorityIsAccepted() throws Exception {
        HttpUrl base = serveWith(leaf("localhost").signedBy(CA).build());

        assertThat(versions(base).path("versions").isArray()).isTrue();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void selfSignedCertificateIsRefusedAsUntrustedWithItsFingerprintAndSubject() throws Exception {
        HeldCertificate selfSigned = leaf("localhost").build();
        HttpUrl base = serveWith(selfSigned);

        MatrixApiException error = refused(base);

        assertThat(error.category()).isEqualTo(ErrorCategory.CERTIFICATE_UNTRUSTED);
        assertThat(error.certificate()).hasValueSatisfying(presented -> {
            assertThat(presented.sha256()).isEqualTo(PresentedCertificate.fingerprint(selfSigned.certificate()));
            assertThat(presented.sha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
            assertThat(presented.subject()).contains("CN=Test Homeserver");
            assertThat(presented.host()).isEqualTo("localhost");
            assertThat(presented.port()).isEqualTo(base.port());
            assertThat(presented.replacesPinned()).isFalse();
        });
        assertThat(error.serverError()).hasValueSatisfying(details -> assertThat(details).contains("SHA-256: "));
    }

    @Test
    void selfSignedCertificateTheAdminPinnedIsTrustedForThatServerOnly() throws Exception {
        HttpUrl base = serveWith(leaf("localhost").build());
        PresentedCertificate presented = refused(base).certificate().orElseThrow();

        network.trust(presented);

        assertThat(versions(base).path("versions").isArray()).isTrue();
        assertThat(pins.pinned("localhost", base.port())).contains(presented.sha256());
        assertThat(pins.pinned("localhost", base.port() + 1)).isEmpty();
    }

    @Test
    void pinSurvivesARestartBecauseItIsKeptInThePreferences() throws Exception {
        HttpUrl base = serveWith(leaf("localhost").build());
        network.trust(refused(base).certificate().orElseThrow());

        Network afterRestart = Network.withAuthorities(List.of(trustingOnly(CA)), CertificatePins.inPreferences(prefs),
                ProxyPrompt.NONE);

        HttpTransport http = new HttpTransport(base, afterRestart);
        assertThat(http.getPublic(http.url("_matrix", "client", "versions"), JsonNode.class).has("versions")).isTrue();
    }

    @Test
    void changedCertificateAfterAPinIsRefusedAsChangedNamingBothFingerprints() throws Exception {
        HttpUrl base = serveWith(leaf("localhost").build());
        String earlier = PresentedCertificate.fingerprint(leaf("localhost").build().certificate());
        pins.pin("localhost", base.port(), earlier);

        MatrixApiException error = refused(base);

        assertThat(error.category()).isEqualTo(ErrorCategory.CERTIFICATE_CHANGED);
        assertThat(error.certificate()).hasValueSatisfying(presented -> {
            assertThat(presented.pinnedSha256()).isEqualTo(earlier);
            assertThat(presented.sha256()).isNotEqualTo(earlier);
        });
    }

    @Test
    void expiredCertificateIsRefusedEvenFromATrustedAuthority() throws Exception {
        long now = System.currentTimeMillis();
        HttpUrl base = serveWith(leaf("localhost").signedBy(CA)
                .validityInterval(now - Duration.ofDays(400).toMillis(), now - Duration.ofDays(35).toMillis()).build());

        MatrixApiException error = refused(base);

        assertThat(error.category()).isEqualTo(ErrorCategory.CERTIFICATE_EXPIRED);
        assertThat(error.certificate().orElseThrow().notAfter()).isBefore(Instant.now());
    }

    @Test
    void expiredCertificateIsRefusedEvenWhenPinned() throws Exception {
        long now = System.currentTimeMillis();
        HeldCertificate expired = leaf("localhost")
                .validityInterval(now - Duration.ofDays(400).toMillis(), now - Duration.ofDays(1).toMillis()).build();
        HttpUrl base = serveWith(expired);
        pins.pin("localhost", base.port(), PresentedCertificate.fingerprint(expired.certificate()));

        assertThat(refused(base).category()).isEqualTo(ErrorCategory.CERTIFICATE_EXPIRED);
    }

    @Test
    void certificateNotValidYetIsRefusedLikeAnExpiredOne() throws Exception {
        long now = System.currentTimeMillis();
        HttpUrl base = serveWith(leaf("localhost").signedBy(CA)
                .validityInterval(now + Duration.ofDays(2).toMillis(), now + Duration.ofDays(300).toMillis()).build());

        assertThat(refused(base).category()).isEqualTo(ErrorCategory.CERTIFICATE_EXPIRED);
    }

    @Test
    void wrongHostCertificateFromATrustedAuthorityIsRefused() throws Exception {
        HttpUrl base = serveWith(leaf("matrix.example.org").signedBy(CA).build());

        MatrixApiException error = refused(base);

        assertThat(error.category()).isEqualTo(ErrorCategory.CERTIFICATE_WRONG_HOST);
        assertThat(error.certificate().orElseThrow().host()).isEqualTo("localhost");
    }

    @Test
    void wrongHostCertificateIsRefusedEvenWhenPinned() throws Exception {
        HeldCertificate elsewhere = leaf("matrix.example.org").build();
        HttpUrl base = serveWith(elsewhere);
        pins.pin("localhost", base.port(), PresentedCertificate.fingerprint(elsewhere.certificate()));

        assertThat(refused(base).category()).isEqualTo(ErrorCategory.CERTIFICATE_WRONG_HOST);
    }

    @Test
    void certificateForAnIpAddressIsCheckedAgainstItsIpNames() throws Exception {
        HttpUrl base = serveWith(leaf("127.0.0.1").signedBy(CA).build());

        HttpUrl byAddress = base.newBuilder().host("127.0.0.1").build();

        assertThat(refused(base).category()).as("the certificate names 127.0.0.1, not localhost")
                .isEqualTo(ErrorCategory.CERTIFICATE_WRONG_HOST);
        assertThat(versions(byAddress).has("versions")).isTrue();
    }

    @Test
    void chainThroughAnIntermediateOfATrustedAuthorityIsAccepted() throws Exception {
        HeldCertificate intermediate = new HeldCertificate.Builder().commonName("Test Intermediate")
                .certificateAuthority(0).signedBy(CA).build();

        HttpUrl base = serveWith(leaf("localhost").signedBy(intermediate).build(), intermediate);

        assertThat(versions(base).has("versions")).isTrue();
    }

    @Test
    void certificateFromAnUntrustedAuthorityIsRefusedAsUntrusted() throws Exception {
        HeldCertificate otherCa = new HeldCertificate.Builder().commonName("Someone Else").certificateAuthority(0).build();
        HttpUrl base = serveWith(leaf("localhost").signedBy(otherCa).build());

        MatrixApiException error = refused(base);

        assertThat(error.category()).isEqualTo(ErrorCategory.CERTIFICATE_UNTRUSTED);
        assertThat(error.certificate().orElseThrow().issuer()).contains("CN=Someone Else");
    }

    @Test
    void systemTrustStoresAreReadAndRefuseAPrivateCertificate() throws Exception {
        Network system = new Network(pins, ProxyPrompt.NONE);
        HttpUrl base = serveWith(leaf("localhost").signedBy(CA).build());

        assertThat(SystemTrustStores.load()).isNotEmpty();
        MatrixApiException error = catchThrowableOfType(MatrixApiException.class,
                () -> new HttpTransport(base, system).getPublic(base.resolve("/_matrix/client/versions"), JsonNode.class));

        assertThat(error.category()).isEqualTo(ErrorCategory.CERTIFICATE_UNTRUSTED);
    }
}
