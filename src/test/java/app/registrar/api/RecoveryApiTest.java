package app.registrar.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The self-recovery probes against servers set up differently from the test Synapse (which has email settings and no
 * single sign-on), played by MockWebServer with Synapse 1.163's own answers (rest/client/account.py, login.py).
 * The real-server side is in {@code EncryptionSynapseTest} and {@code EncryptionViewModelTest}.
 */
class RecoveryApiTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private RecoveryApi recovery;

    @BeforeEach
    void connect() {
        recovery = new RecoveryApi(new HttpTransport(server.url("/")));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private RecordedRequest taken() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        return request;
    }

    @Test
    void aServerWithoutEmailSettingsCannotSendResetMailAndTheProbeNamesNoAddress() throws Exception {
        server.enqueue(json(400, "{\"errcode\":\"M_UNKNOWN\",\"error\":\"Email-based password resets have been disabled on this server\"}"));

        assertThat(recovery.canSendPasswordResetMail()).isFalse();
        RecordedRequest request = taken();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/_matrix/client/v3/account/password/email/requestToken");
        assertThat(request.getBody().utf8()).isEqualTo("{}");
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void aServerThatOnlyRefusesTheMissingFieldsCanSendResetMail() {
        server.enqueue(json(400, "{\"errcode\":\"M_BAD_JSON\",\"error\":\"client_secret: field required\"}"));

        assertThat(recovery.canSendPasswordResetMail()).isTrue();
    }

    @Test
    void aServerRunByMasHasNoSuchEndpointAndCannotSendResetMailThroughSynapse() {
        server.enqueue(json(404, "{\"errcode\":\"M_UNRECOGNIZED\",\"error\":\"Unrecognized request\"}"));

        assertThat(recovery.canSendPasswordResetMail()).isFalse();
    }

    @Test
    void singleSignOnProvidersAreReadWithTheirNamesFromTheLoginFlows() throws Exception {
        server.enqueue(json(200, "{\"flows\":[{\"type\":\"m.login.sso\",\"identity_providers\":["
                + "{\"id\":\"oidc-github\",\"name\":\"GitHub\",\"brand\":\"github\"},{\"id\":\"saml\",\"name\":\"Company login\"}]},"
                + "{\"type\":\"m.login.token\"},{\"type\":\"m.login.password\"}]}"));

        assertThat(recovery.identityProviders()).containsExactly(
                Map.entry("oidc-github", "GitHub"), Map.entry("saml", "Company login"));
        assertThat(taken().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void signUpIsOnWhenTheServerAnswersTheAvailabilityQuestionAndOffWhenItRefusesIt() throws Exception {
        server.enqueue(json(200, "{\"available\":true}"));
        server.enqueue(json(400, "{\"errcode\":\"M_USER_IN_USE\",\"error\":\"User ID already taken.\"}"));
        server.enqueue(json(403, "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"Registration has been disabled\"}"));

        assertThat(recovery.signUpEnabled()).isTrue();
        assertThat(recovery.signUpEnabled()).isTrue();
        assertThat(recovery.signUpEnabled()).isFalse();
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/_matrix/client/v3/register/available");
    }
}
