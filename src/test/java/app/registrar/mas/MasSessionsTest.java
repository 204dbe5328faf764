package app.registrar.mas;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AuthMetadata;
import app.registrar.api.Device;
import app.registrar.api.HttpTransport;
import app.registrar.api.Network;
import app.registrar.api.OAuthClient;
import app.registrar.api.Pkce;
import app.registrar.service.OAuthLoopback;
import app.registrar.store.AccountStore;
import app.registrar.testing.MasBrowser;
import app.registrar.testing.MasExtension;
import app.registrar.testing.MasProbe;
import app.registrar.testing.MasSignedIn;
import app.registrar.testing.TestMas;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The person's sessions of every kind MAS keeps — a password sign-in (compatibility), an app signed in through MAS
 * (OAuth 2.0) and MAS's own web pages (browser) — shown in the account's panel and each signed out on its own,
 * against the real MAS stack. MAS's admin API and Synapse say what ended, not Registrar.
 */
@ExtendWith(MasExtension.class)
class MasSessionsTest {

    @Test
    void sessionsOfEveryKindAreListedAndEachIsSignedOutOnItsOwn(TestMas mas) {
        MasProbe probe = new MasProbe(mas);
        String localpart = TestMas.newLocalpart("kinds");
        String password = "Mas-" + UUID.randomUUID();
        String masId = probe.createAccount(localpart, password);
        String userId = "@" + localpart + ":" + mas.serverName();
        probe.awaitSynapseUser(userId, u -> true);

        String compatToken = probe.passwordLogin(localpart, password);
        // Signing the app in leaves the person signed in to MAS's own pages too: a browser session.
        String appToken = signInAnAppThroughMas(mas, localpart, password);
        List<String> browserSessions = probe.mas("GET", "user-sessions?filter[user]=" + masId + "&filter[status]=active", null)
                .body().path("data").findValuesAsText("id");
        assertThat(browserSessions).as("MAS's browser sessions").hasSize(1);
        String browserSession = browserSessions.get(0);

        AccountStore store = MasSignedIn.asAdmin(mas).accountStore();
        List<String> shown = store.devices(userId).stream().map(Device::deviceId).toList();

        assertThat(shown).containsExactlyInAnyOrder(probe.whoamiDevice(compatToken), probe.whoamiDevice(appToken), browserSession);

        store.deleteDevice(userId, probe.whoamiDevice(appToken));
        assertThat(ended(probe, "oauth2-sessions", masId)).hasSize(1);
        assertThat(probe.awaitSignedOut(appToken)).isEqualTo(401);

        store.deleteDevice(userId, browserSession);
        assertThat(ended(probe, "user-sessions", masId)).containsExactly(browserSession);

        assertThat(probe.whoamiStatus(compatToken)).as("the password sign-in was left alone").isEqualTo(200);
        assertThat(store.devices(userId)).extracting(Device::deviceId).containsExactly(probe.whoamiDevice(compatToken));
    }

    /** The person signs an app in through MAS in their browser (OAuth 2.0 with PKCE), as Element X would. */
    private static String signInAnAppThroughMas(TestMas mas, String localpart, String password) {
        AuthMetadata metadata = AuthMetadata.read(new HttpTransport(mas.synapseUrl()));
        OAuthClient app = new OAuthClient(metadata, Network.standard());
        try (OAuthLoopback loopback = OAuthLoopback.start(Pkce.randomUrlSafe(16))) {
            String clientId = app.register(loopback.redirectUri());
            Pkce pkce = Pkce.generate();
            String scope = "urn:matrix:client:api:* urn:matrix:client:device:ELEMENTX" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            CompletableFuture<MasBrowser.Outcome> browser = MasBrowser.inBackground(
                    app.authorizationUrl(clientId, loopback.redirectUri(), scope, loopback.state(), pkce).toString(),
                    localpart, password, loopback.redirectUri(), loopback::close);
            String code = loopback.awaitCode(Duration.ofMinutes(1));
            browser.join();
            return app.exchangeCode(clientId, code, loopback.redirectUri(), pkce).accessToken().reveal();
        }
    }

    private static List<String> ended(MasProbe probe, String kind, String masId) {
        JsonNode data = probe.mas("GET", kind + "?filter[user]=" + masId + "&filter[status]=finished", null).body().path("data");
        return data.findValuesAsText("id");
    }
}
