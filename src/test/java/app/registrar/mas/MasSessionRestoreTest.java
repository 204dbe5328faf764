package app.registrar.mas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.registrar.api.AccessToken;
import app.registrar.api.ErrorCategory;
import app.registrar.api.LoginSession;
import app.registrar.api.MatrixApiException;
import app.registrar.api.UserQuery;
import app.registrar.service.ConnectionService;
import app.registrar.service.CredentialStore;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.LastSession;
import app.registrar.service.MemoryCredentialStore;
import app.registrar.testing.MasExtension;
import app.registrar.testing.MasProbe;
import app.registrar.testing.MasSignedIn;
import app.registrar.testing.TestMas;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser sign-in through MAS kept like a Synapse session: its refresh token in the keychain (the project's
 * keychain stand-in, which says it persists, as the real one does), the client ID in the preferences; the next start
 * renews the session without the browser. Outcomes are checked with plain HTTP against MAS ({@link MasProbe}).
 */
@ExtendWith(MasExtension.class)
class MasSessionRestoreTest {

    private final MemoryCredentialStore keychain = new MemoryCredentialStore(true);
    private Preferences prefs;
    private LastSession last;

    @BeforeEach
    void preferences() {
        prefs = Preferences.userRoot().node("app/registrar/test/" + UUID.randomUUID());
        last = new LastSession(prefs);
    }

    @AfterEach
    void removePreferences() throws Exception {
        prefs.removeNode();
    }

    private ConnectionService start() {
        return new ConnectionService(new CurrentThreadTaskExecutor(), keychain, last);
    }

    private static String key(LoginSession session) {
        return CredentialStore.keyFor(session.baseUrl().toString(), session.userId());
    }

    /** What MAS's token endpoint answers to a refresh with {@code token}, asked directly. */
    private static int refreshStatus(TestMas mas, String clientId, AccessToken token) throws Exception {
        String form = "grant_type=refresh_token&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&refresh_token=" + URLEncoder.encode(token.reveal(), StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mas.masUrl().resolve("oauth2/token").toString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theNextStartRenewsAKeptBrowserSignInWithoutTheBrowser(TestMas mas) throws Exception {
        ConnectionService first = MasSignedIn.asAdmin(mas, start());
        LoginSession signedIn = first.session().orElseThrow();
        AccessToken kept = keychain.load(key(signedIn)).orElseThrow();
        assertThat(kept).as("the refresh token is kept, not the minutes-long access token").isNotEqualTo(signedIn.accessToken());
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        prefs.exportNode(stored);
        assertThat(stored.toString(StandardCharsets.UTF_8)).as("no token in the preferences file")
                .doesNotContain(kept.reveal()).doesNotContain(signedIn.accessToken().reveal());

        ConnectionService nextStart = start();
        assertThat(nextStart.restorableSession()).isPresent();
        ConnectionService.Restored restored = MasSignedIn.await(nextStart.restore());

        assertThat(restored.session().userId()).isEqualTo("@" + mas.adminLocalpart() + ":" + mas.serverName());
        assertThat(nextStart.signInMethod()).isEqualTo(ConnectionService.SignInMethod.MAS_BROWSER);
        assertThat(nextStart.accountStore().listUsers(UserQuery.all().withLimit(1)).users()).isNotEmpty();
        MasProbe asRegistrar = new MasProbe(mas).withToken(restored.session().accessToken().reveal());
        assertThat(asRegistrar.mas("GET", "users?page[first]=1", null).status()).as("MAS's admin API opens").isEqualTo(200);
        AccessToken renewed = keychain.load(key(signedIn)).orElseThrow();
        assertThat(renewed).as("MAS's new refresh token replaced the used one").isNotEqualTo(kept);
        String clientId = last.oauthClientId().orElseThrow();
        assertThat(refreshStatus(mas, clientId, kept)).as("the used refresh token no longer works").isEqualTo(400);
    }

    @Test
    void aKeptSignInThatMasEndedIsDeletedAndTheAdminSignsInAgain(TestMas mas) {
        ConnectionService first = MasSignedIn.asAdmin(mas, start());
        LoginSession signedIn = first.session().orElseThrow();
        MasProbe probe = new MasProbe(mas);
        String adminId = probe.masUserId(mas.adminLocalpart());
        // Ended in MAS, as the admin's own "sign out" of that session there would: the app session of this device.
        JsonNode sessions = probe.mas("GET", "oauth2-sessions?filter[user]=" + adminId + "&filter[status]=active&page[last]=100",
                null).body().path("data");
        int finished = 0;
        for (JsonNode session : sessions) {
            if (session.path("attributes").path("scope").asText().contains(signedIn.deviceId())) {
                assertThat(probe.mas("POST", "oauth2-sessions/" + session.path("id").asText() + "/finish", Map.of()).status())
                        .isEqualTo(200);
                finished++;
            }
        }
        assertThat(finished).as("the sign-in's session was found in MAS").isEqualTo(1);

        ConnectionService nextStart = start();
        MatrixApiException error = catchThrowableOfType(MatrixApiException.class, () -> MasSignedIn.await(nextStart.restore()));

        assertThat(error.category()).isEqualTo(ErrorCategory.TOKEN_INVALID);
        assertThat(keychain.load(key(signedIn))).as("the dead refresh token is gone from the keychain").isEmpty();
        assertThat(nextStart.restorableSession()).isEmpty();
    }
}
