package app.registrar.mas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.registrar.api.AccessToken;
import app.registrar.api.AuthMetadata;
import app.registrar.api.ErrorCategory;
import app.registrar.api.HttpTransport;
import app.registrar.api.LoginSession;
import app.registrar.api.MasAdminApi;
import app.registrar.api.MatrixApiException;
import app.registrar.api.Network;
import app.registrar.api.OAuthClient;
import app.registrar.api.OAuthScopes;
import app.registrar.api.OAuthSession;
import app.registrar.api.OAuthTokens;
import app.registrar.api.Pkce;
import app.registrar.api.ServerInfo;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.MasSignIn;
import app.registrar.service.OAuthLoopback;
import app.registrar.service.SecurityService;
import app.registrar.testing.MasBrowser;
import app.registrar.testing.MasExtension;
import app.registrar.testing.MasProbe;
import app.registrar.testing.MasSignedIn;
import app.registrar.testing.TestMas;
import app.registrar.ui.common.ErrorMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in on a server whose accounts MAS owns, against the real MAS stack: the browser flow (authorization code
 * with PKCE, Registrar registered dynamically, MAS's own login and consent pages driven over HTTP as a browser would)
 * and a configured client's ID and secret. Outcomes are checked with plain HTTP ({@link MasProbe}).
 */
@ExtendWith(MasExtension.class)
class MasSignInTest {

    private static ServerInfo discover(ConnectionService connection, TestMas mas) {
        return MasSignedIn.await(connection.discover(mas.synapseUrl().toString()));
    }

    /** Plays the browser on another thread (as the admin would), while Registrar waits for the loopback. */
    private static CompletableFuture<MasBrowser.Outcome> browse(String url, String user, String password, OAuthLoopback loopback) {
        return MasBrowser.inBackground(url, user, password, loopback.redirectUri(), loopback::close);
    }

    @Test
    void browserSignInGivesOneRenewableTokenThatOpensBothAdminApis(TestMas mas) {
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor());
        ServerInfo server = discover(connection, mas);
        assertThat(server.managedByMas()).isTrue();

        MasSignIn signIn = MasSignedIn.await(connection.startMasSignIn(server));
        assertThat(signIn.browserUrl()).startsWith(mas.masUrl().toString()).contains("code_challenge=", "S256");
        CompletableFuture<MasBrowser.Outcome> browser = browse(signIn.browserUrl(), mas.adminLocalpart(), mas.adminPassword(),
                signIn.loopback());
        LoginSession session = MasSignedIn.complete(connection, signIn, browser);

        assertThat(browser.join().status()).as(browser.join().trail()).isEqualTo(200);
        assertThat(session.userId()).isEqualTo(mas.adminUser());
        assertThat(connection.mas()).isPresent();
        assertThat(connection.accountStore().capabilities().accountsInMas()).isTrue();
        assertThat(connection.accountStore().capabilities().synapseAdmin()).isTrue();
        // The same token, used with plain HTTP, opens MAS's admin API and Synapse's.
        String token = connection.mas().get().oauth().tokens().accessToken().reveal();
        MasProbe probe = new MasProbe(mas);
        assertThat(probe.withToken(token).mas("GET", "site-config", null).status()).isEqualTo(200);
        assertThat(probe.withToken(token).synapse("GET", "_synapse/admin/v2/users/" + mas.adminUser(), null).status())
                .isEqualTo(200);
        // MAS shows the session Registrar opened, as a registered client named Registrar.
        String adminId = probe.masUserId(mas.adminLocalpart());
        assertThat(probe.mas("GET", "oauth2-sessions?filter[user]=" + adminId + "&filter[status]=active", null).body()
                .path("data").findValuesAsText("scope")).anySatisfy(scope -> assertThat(scope).contains("urn:mas:admin"));
    }

    @Test
    void accountThatMayNotRequestAdminRightsIsToldSoWithTheCommandThatAllowsIt(TestMas mas) {
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor());
        ServerInfo server = discover(connection, mas);
        MasSignIn signIn = MasSignedIn.await(connection.startMasSignIn(server));
        CompletableFuture<MasBrowser.Outcome> browser = browse(signIn.browserUrl(), mas.plainLocalpart(), mas.plainPassword(),
                signIn.loopback());

        assertThatThrownBy(() -> MasSignedIn.await(connection.completeMasSignIn(signIn)))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.MAS_NOT_ADMIN);
                    assertThat(ErrorMessages.describe(e).nextStep()).contains("mas-cli manage promote-admin");
                });
        assertThat(browser.join().trail()).contains("pressed Cancel");
        assertThat(connection.session()).isEmpty();
    }

    @Test
    void tokenIsRenewedWithTheRefreshTokenBeforeItExpires(TestMas mas) {
        HttpTransport synapse = new HttpTransport(mas.synapseUrl());
        AuthMetadata metadata = AuthMetadata.read(synapse);
        MovableClock clock = new MovableClock();
        OAuthClient client = new OAuthClient(metadata, Network.standard(), clock);
        OAuthLoopback loopback = OAuthLoopback.start(Pkce.randomUrlSafe(16));
        String clientId = client.register(loopback.redirectUri());
        Pkce pkce = Pkce.generate();
        String scope = OAuthScopes.forAdmin(metadata, List.of("v1.15"), OAuthScopes.newDeviceId());
        CompletableFuture<MasBrowser.Outcome> browser = browse(client.authorizationUrl(clientId, loopback.redirectUri(),
                scope, loopback.state(), pkce).toString(), mas.adminLocalpart(), mas.adminPassword(), loopback);
        OAuthTokens first = client.exchangeCode(clientId, loopback.awaitCode(Duration.ofMinutes(1)), loopback.redirectUri(), pkce);
        browser.join();
        OAuthSession session = OAuthSession.fromAuthorizationCode(client, clientId, first, clock);
        AtomicReference<OAuthTokens> stored = new AtomicReference<>();
        session.onRenewal(stored::set);

        AccessToken early = session.current();
        clock.advance(Duration.between(clock.instant(), first.expiresAt()).minusSeconds(30));
        AccessToken renewed = session.current();

        assertThat(early).isEqualTo(first.accessToken());
        assertThat(renewed).isNotEqualTo(first.accessToken());
        assertThat(stored.get().refreshToken()).as("MAS hands out a new refresh token to keep").isNotEqualTo(first.refreshToken());
        MasProbe probe = new MasProbe(mas);
        assertThat(probe.withToken(renewed.reveal()).mas("GET", "site-config", null).status()).isEqualTo(200);
        assertThat(new MasAdminApi(transportFor(metadata, session)).siteConfig().minimumPasswordComplexity()).isEqualTo(3);
    }

    @Test
    void configuredClientSignsInWithIdAndSecretAndReachesMasAdminApiOnly(TestMas mas) {
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor());
        ServerInfo server = discover(connection, mas);

        MasSignedIn.await(connection.signInWithClientCredentials(server, mas.adminClientId(), mas.adminClientSecret()));

        assertThat(connection.mas().orElseThrow().site().minimumPasswordComplexity()).isEqualTo(3);
        assertThat(connection.accountStore().capabilities().synapseAdmin()).isFalse();
        String token = connection.mas().get().oauth().tokens().accessToken().reveal();
        assertThat(new MasProbe(mas).withToken(token).mas("GET", "users?page[first]=1", null).status()).isEqualTo(200);
    }

    @Test
    void configuredClientIsToldThatSynapseTasksNeedTheBrowserSignInWithoutTheSessionLookingExpired(TestMas mas) {
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor());
        MasSignedIn.await(connection.signInWithClientCredentials(discover(connection, mas), mas.adminClientId(), mas.adminClientSecret()));
        List<String> expired = new ArrayList<>();
        connection.onSessionExpired(() -> expired.add("expired"));
        SecurityService security = new SecurityService(new CurrentThreadTaskExecutor(), connection);

        assertThatThrownBy(() -> MasSignedIn.await(security.encryptionState(mas.plainUser())))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.MAS_CLIENT_ONLY);
                    assertThat(ErrorMessages.describe(e).nextStep()).contains("Single sign-on");
                });
        assertThatThrownBy(() -> connection.accountStore().setShadowBanned(mas.plainUser(), true))
                .isInstanceOfSatisfying(MatrixApiException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.MAS_CLIENT_ONLY));
        assertThat(expired).as("nothing reached Synapse to be refused").isEmpty();
        assertThat(new MasProbe(mas).synapseUser(mas.plainUser()).path("shadow_banned").asBoolean()).isFalse();
    }

    @Test
    void clientThatMayNotAskForAdminRightsIsToldWhichConfigLineAllowsIt(TestMas mas) {
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor());
        ServerInfo server = discover(connection, mas);

        assertThatThrownBy(() -> MasSignedIn.await(connection.signInWithClientCredentials(server, mas.plainClientId(), mas.plainClientSecret())))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.MAS_CLIENT_NOT_ADMIN);
                    assertThat(ErrorMessages.describe(e).nextStep()).contains("admin_clients");
                });
    }

    @Test
    void wrongClientSecretIsRefusedAsWrongCredentials(TestMas mas) {
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor());
        ServerInfo server = discover(connection, mas);

        assertThatThrownBy(() -> MasSignedIn.await(connection.signInWithClientCredentials(server, mas.adminClientId(), "not-the-secret")))
                .isInstanceOfSatisfying(MatrixApiException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.WRONG_CREDENTIALS));
    }

    @Test
    void masWithoutItsAdminApiIsToldApartAndNamesTheConfigLine(TestMas mas) {
        HttpTransport bare = new HttpTransport(mas.masBareUrl());
        bare.session().useTokenProvider(() -> new AccessToken(new MasProbe(mas).masAdminToken()));

        assertThatThrownBy(() -> new MasAdminApi(bare).siteConfig())
                .isInstanceOfSatisfying(MatrixApiException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.ADMIN_API_UNREACHABLE));
        MatrixApiException told = MatrixApiException.local(ErrorCategory.MAS_ADMIN_API_DISABLED, "404");
        assertThat(ErrorMessages.describe(told).nextStep()).contains("- name: adminapi");
    }

    private static HttpTransport transportFor(AuthMetadata metadata, OAuthSession session) {
        HttpTransport transport = new HttpTransport(metadata.publicBase());
        transport.session().useTokenProvider(session);
        return transport;
    }

    /** A clock the test moves forward, to reach a token's expiry without waiting five minutes. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
