package app.registrar.service;

import app.registrar.api.EncryptionState;
import app.registrar.api.Homeserver;
import app.registrar.api.RegistrationToken;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The security and recovery tasks around an account (issue 12): encryption state, the cross-signing reset
 * permission, how people can recover by themselves, who holds an email or SSO identity, and invitation tokens.
 * Each runs off the JavaFX thread like {@link AccountService}'s tasks.
 */
public final class SecurityService {

    /** What the server offers people who lost their password; read once per session, as it is configuration. */
    public record RecoveryOptions(boolean resetMailPossible, Map<String, String> identityProviders) { }

    private final Tasks tasks;
    private final ConnectionService connection;
    private volatile RecoveryOptions recoveryOptions;

    public SecurityService(TaskExecutor executor, ConnectionService connection) {
        this.tasks = new Tasks(executor, connection::reportFailure);
        this.connection = connection;
    }

    private Homeserver server() {
        return connection.requireSynapse();
    }

    public BackgroundTask<EncryptionState> encryptionState(String userId) {
        return tasks.of(() -> server().encryption().encryptionState(userId));
    }

    public BackgroundTask<Instant> allowCrossSigningReset(String userId) {
        return tasks.of(() -> server().encryption().allowCrossSigningReset(userId));
    }

    public BackgroundTask<RecoveryOptions> recoveryOptions() {
        return tasks.of(() -> {
            RecoveryOptions known = recoveryOptions;
            if (known == null) {
                Homeserver server = server();
                known = new RecoveryOptions(server.recovery().canSendPasswordResetMail(), server.recovery().identityProviders());
                recoveryOptions = known;
            }
            return known;
        });
    }

    /** The recovery options once read (after the first {@link #recoveryOptions()} answered), else empty. */
    public Optional<RecoveryOptions> knownRecoveryOptions() {
        return Optional.ofNullable(recoveryOptions);
    }

    /** The account holding this email address, if any: asked of the server that owns the accounts (Synapse or MAS). */
    public BackgroundTask<Optional<String>> whoHasEmail(String address) {
        return tasks.of(() -> connection.accountStore().findUserByThreepid("email", address));
    }

    /** The account linked to this single-sign-on identity, if any. */
    public BackgroundTask<Optional<String>> whoHasExternalId(String provider, String externalId) {
        return tasks.of(() -> connection.accountStore().findUserByExternalId(provider, externalId));
    }

    // ---- invitation (registration) tokens: through the session's invite store (Synapse's or MAS's) ---------

    /** Whether the server lets people sign up at all (true, false, or null when it did not say). */
    public BackgroundTask<Boolean> signUpEnabled() {
        return tasks.of(() -> connection.inviteStore().signUpEnabled());
    }

    /** The web page where invited people sign up, when they do it there (MAS) rather than in their Matrix app. */
    public BackgroundTask<Optional<String>> signUpPage() {
        return tasks.of(() -> connection.inviteStore().signUpPage());
    }

    public BackgroundTask<List<RegistrationToken>> registrationTokens() {
        return tasks.of(() -> connection.inviteStore().tokens());
    }

    public BackgroundTask<RegistrationToken> createRegistrationToken(String token, Integer usesAllowed, Instant expiresAt, Integer length) {
        return tasks.of(() -> connection.inviteStore().create(token, usesAllowed, expiresAt, length));
    }

    public BackgroundTask<RegistrationToken> updateRegistrationToken(String token, Integer usesAllowed, Instant expiresAt) {
        return tasks.of(() -> connection.inviteStore().update(token, usesAllowed, expiresAt));
    }

    public BackgroundTask<Void> deleteRegistrationToken(String token) {
        return tasks.run(() -> connection.inviteStore().revoke(token));
    }
}
