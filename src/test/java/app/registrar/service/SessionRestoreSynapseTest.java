package app.registrar.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AccessToken;
import app.registrar.api.ErrorCategory;
import app.registrar.api.Homeserver;
import app.registrar.api.LoginSession;
import app.registrar.api.MatrixApiException;
import app.registrar.api.ServerApi;
import app.registrar.api.ServerInfo;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The token kept between runs, and a session the server stopped accepting. */
@ExtendWith(SynapseExtension.class)
class SessionRestoreSynapseTest {

    private final MemoryCredentialStore keychain = new MemoryCredentialStore(true);
    private final LastSession last = LastSession.inMemory();

    private ConnectionService connection() {
        return new ConnectionService(new CurrentThreadTaskExecutor(), keychain, last);
    }

    private static <T> T await(BackgroundTask<T> task) {
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<MatrixApiException> failure = new AtomicReference<>();
        task.onSuccess(value::set).onFailure(failure::set).start();
        if (failure.get() != null) {
            throw failure.get();
        }
        return value.get();
    }

    private LoginSession signIn(ConnectionService connection, TestSynapse synapse) {
        ServerInfo server = ServerApi.describe(synapse.url());
        return await(connection.signIn(server, synapse.adminUser(), synapse.adminPassword()));
    }

    @Test
    void signedInSessionIsRestoredByTheNextStartFromTheKeychain(TestSynapse synapse) {
        LoginSession first = signIn(connection(), synapse);

        ConnectionService nextStart = connection();
        assertThat(nextStart.restorableSession()).isPresent();
        ConnectionService.Restored restored = await(nextStart.restore());

        assertThat(restored.session().userId()).isEqualTo(synapse.adminUser());
        assertThat(restored.session().accessToken()).isEqualTo(first.accessToken());
        assertThat(nextStart.session()).isPresent();
    }

    @Test
    void revokedStoredTokenIsDeletedAndTheAdminMustSignInAgain(TestSynapse synapse) {
        LoginSession first = signIn(connection(), synapse);
        Homeserver elsewhere = new Homeserver(synapse.url());
        elsewhere.useToken(first.accessToken());
        elsewhere.auth().logout();

        ConnectionService nextStart = connection();
        MatrixApiException error = Assertions.catchThrowableOfType(MatrixApiException.class,
                () -> await(nextStart.restore()));

        assertThat(error.category()).isEqualTo(ErrorCategory.TOKEN_INVALID);
        assertThat(error.getMessage()).doesNotContain(first.accessToken().reveal());
        assertThat(nextStart.restorableSession()).as("the dead token is gone from the keychain").isEmpty();
    }

    @Test
    void signingOutRemovesTheTokenFromTheKeychain(TestSynapse synapse) {
        ConnectionService connection = connection();
        LoginSession session = signIn(connection, synapse);
        String key = CredentialStore.keyFor(session.baseUrl().toString(), session.userId());
        assertThat(keychain.load(key)).contains(session.accessToken());

        await(connection.signOut(false));

        assertThat(keychain.load(key)).isEmpty();
        assertThat(connection().restorableSession()).isEmpty();
    }

    @Test
    void expiredSessionIsReportedAndSigningInAgainKeepsTheSameConnection(TestSynapse synapse) {
        ConnectionService connection = connection();
        AccountService accounts = new AccountService(new CurrentThreadTaskExecutor(), connection);
        LoginSession session = signIn(connection, synapse);
        List<String> expired = new ArrayList<>();
        connection.onSessionExpired(() -> expired.add("expired"));
        Homeserver elsewhere = new Homeserver(synapse.url());
        elsewhere.useToken(session.accessToken());
        elsewhere.auth().logout();

        MatrixApiException failure = Assertions.catchThrowableOfType(MatrixApiException.class,
                () -> await(accounts.getUser(synapse.adminUser())));
        assertThat(failure.category()).isEqualTo(ErrorCategory.TOKEN_INVALID);
        assertThat(expired).hasSize(1);

        LoginSession again = await(connection.reauthenticate(synapse.adminPassword()));

        assertThat(again.accessToken()).isNotEqualTo(session.accessToken());
        assertThat(await(accounts.getUser(synapse.adminUser())).admin()).isTrue();
        assertThat(keychain.load(CredentialStore.keyFor(again.baseUrl().toString(), again.userId()))).contains(again.accessToken());
    }

    @Test
    void wrongPasswordWhenSigningInAgainKeepsTheExpiredState(TestSynapse synapse) {
        ConnectionService connection = connection();
        signIn(connection, synapse);

        MatrixApiException failure = Assertions.catchThrowableOfType(MatrixApiException.class,
                () -> await(connection.reauthenticate("not-the-password")));

        assertThat(failure.category()).isEqualTo(ErrorCategory.WRONG_CREDENTIALS);
    }

    @Test
    void keychainOrMemoryStoreAlwaysOpensAndRoundTrips() {
        CredentialStore store = KeychainCredentialStore.openOrMemory();
        String key = "Registrar test " + System.nanoTime();
        try {
            store.save(key, new AccessToken("syt_test_value"));
            assertThat(store.load(key)).contains(new AccessToken("syt_test_value"));
        } finally {
            store.delete(key);
        }
        assertThat(store.load(key)).isEmpty();
    }
}
