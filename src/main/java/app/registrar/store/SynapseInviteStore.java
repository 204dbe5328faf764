package app.registrar.store;

import app.registrar.api.AdminApi;
import app.registrar.api.RecoveryApi;
import app.registrar.api.RegistrationToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Synapse's registration tokens (its admin API); people sign up in their Matrix app and type the token there. */
public final class SynapseInviteStore implements InviteStore {

    private final AdminApi admin;
    private final RecoveryApi recovery;

    public SynapseInviteStore(AdminApi admin, RecoveryApi recovery) {
        this.admin = admin;
        this.recovery = recovery;
    }

    @Override
    public Boolean signUpEnabled() {
        return recovery.signUpEnabled();
    }

    @Override
    public Optional<String> signUpPage() {
        return Optional.empty();
    }

    @Override
    public List<RegistrationToken> tokens() {
        return admin.registrationTokens();
    }

    @Override
    public RegistrationToken create(String token, Integer usesAllowed, Instant expiresAt, Integer length) {
        return admin.createRegistrationToken(token, usesAllowed, expiresAt, length);
    }

    @Override
    public RegistrationToken update(String token, Integer usesAllowed, Instant expiresAt) {
        return admin.updateRegistrationToken(token, usesAllowed, expiresAt);
    }

    /** Synapse has no revoked state: the token is deleted. */
    @Override
    public void revoke(String token) {
        admin.deleteRegistrationToken(token);
    }
}
