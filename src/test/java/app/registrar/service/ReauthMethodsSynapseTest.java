package app.registrar.service;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AccessToken;
import app.registrar.api.ErrorCategory;
import app.registrar.api.Homeserver;
import app.registrar.api.LoginSession;
import app.registrar.api.MatrixApiException;
import app.registrar.api.ServerApi;
import app.registrar.api.ServerInfo;
import app.registrar.api.UserUpdate;
import app.registrar.service.ConnectionService.SignInMethod;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.reauth.ReauthViewModel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, section 5: signing in again offers the way the session began, against the real Synapse. A session begun
 * with a pasted access token asks for a new token (not a password) and takes only one of the same admin; a session
 * begun with single sign-on offers the browser.
 */
@ExtendWith(SynapseExtension.class)
class ReauthMethodsSynapseTest {

    private static void logOut(TestSynapse synapse, String token) {
        Homeserver homeserver = new Homeserver(synapse.url());
        homeserver.auth().useAccessToken(new AccessToken(token));
        homeserver.auth().logout();
    }

    @Test
    void aSessionBegunWithATokenAsksForANewTokenAndAcceptsOnlyOneOfTheSameAdmin(TestSynapse synapse) {
        ServerInfo server = ServerApi.describe(synapse.url());
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor());
        String first = synapse.signedInAdminToken();
        connection.useToken(server, first).onFailure(e -> {
            throw e;
        }).start();
        assertThat(connection.signInMethod()).isEqualTo(SignInMethod.ACCESS_TOKEN);
        // The server stops accepting it: the admin signed that session out elsewhere.
        logOut(synapse, first);
        AtomicReference<MatrixApiException> refused = new AtomicReference<>();
        new AccountService(new CurrentThreadTaskExecutor(), connection).getUser(synapse.adminUser())
                .onFailure(refused::set).start();
        assertThat(refused.get().category()).isEqualTo(ErrorCategory.TOKEN_INVALID);

        FakeDialogService dialogs = new FakeDialogService();
        ReauthViewModel model = new ReauthViewModel(connection, dialogs, synapse.adminUser(), () -> { });
        assertThat(model.getMethod()).isEqualTo(SignInMethod.ACCESS_TOKEN);
        assertThat(model.getFieldLabelKey()).isEqualTo("connect.token");
        assertThat(model.getIntro()).isEqualTo(tr("reauth.intro.token", synapse.adminUser()));

        // Another account's token is refused, and the session stays the admin's.
        String otherUser = synapse.newUserId("reauth-other");
        synapse.signedInAdmin().admin().createUser(otherUser, new UserUpdate().password("Reauth-Other-Pass-1"));
        String otherToken = new Homeserver(synapse.url()).auth().loginWithPassword(otherUser, "Reauth-Other-Pass-1")
                .accessToken().reveal();
        model.passwordProperty().set(otherToken);
        model.signIn();
        assertThat(model.closeRequestedProperty().get()).isFalse();
        assertThat(model.getError().message()).isEqualTo(tr("error.wrong.credentials"));
        assertThat(connection.session().map(LoginSession::userId)).contains(synapse.adminUser());
        AtomicReference<MatrixApiException> still = new AtomicReference<>();
        new AccountService(new CurrentThreadTaskExecutor(), connection).getUser(synapse.adminUser())
                .onFailure(still::set).start();
        assertThat(still.get().category()).as("the other account's token never reached the admin's connection")
                .isEqualTo(ErrorCategory.TOKEN_INVALID);

        String second = synapse.signedInAdminToken();
        model.passwordProperty().set(second);
        model.signIn();

        assertThat(model.closeRequestedProperty().get()).isTrue();
        assertThat(connection.signInMethod()).isEqualTo(SignInMethod.ACCESS_TOKEN);
        AtomicReference<String> read = new AtomicReference<>();
        new AccountService(new CurrentThreadTaskExecutor(), connection).getUser(synapse.adminUser())
                .onSuccess(user -> read.set(user.userId())).start();
        assertThat(read.get()).as("the new token works for the open dialogs").isEqualTo(synapse.adminUser());
    }

    @Test
    void aSessionBegunWithSingleSignOnOffersTheBrowserNotAPassword(TestSynapse synapse) throws Exception {
        ServerInfo server = ServerApi.describe(synapse.url());
        ConnectionService connection = new ConnectionService(new CurrentThreadTaskExecutor());
        // Synapse lets each account mint one login token a minute, so a fresh admin plays the person signing in.
        String adminId = synapse.newUserId("reauth-sso");
        synapse.signedInAdmin().admin().createUser(adminId, new UserUpdate().password("Reauth-Sso-Pass-1").admin(true));
        String adminToken = new Homeserver(synapse.url()).auth().loginWithPassword(adminId, "Reauth-Sso-Pass-1")
                .accessToken().reveal();
        String loginToken = SsoSignInSynapseTest.mintLoginToken(synapse, adminToken);
        SsoLoopback loopback = SsoLoopback.start();
        Thread browser = new Thread(() -> {
            try {
                Thread.sleep(200);
                SsoSignInSynapseTest.playBrowser(loopback.redirectUrl() + "?loginToken=" + loginToken);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        browser.start();
        connection.signInWithSso(server, loopback, Duration.ofSeconds(20)).onFailure(e -> {
            throw e;
        }).start();
        browser.join();

        ReauthViewModel model = new ReauthViewModel(connection, new FakeDialogService(), adminId, () -> { });

        assertThat(model.getMethod()).isEqualTo(SignInMethod.SINGLE_SIGN_ON);
        assertThat(model.usesBrowser()).isTrue();
        assertThat(model.getFieldLabelKey()).as("no password field").isNull();
        assertThat(model.canSignInProperty().get()).as("the browser button needs nothing typed").isTrue();
        assertThat(model.getIntro()).isEqualTo(tr("reauth.intro.browser", adminId));
    }
}
