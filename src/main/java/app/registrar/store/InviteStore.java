package app.registrar.store;

import app.registrar.api.RegistrationToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Invitations (registration tokens), whichever server lets people sign up: Synapse itself
 * ({@link SynapseInviteStore}) or Matrix Authentication Service ({@link MasInviteStore}), where people sign up on
 * MAS's own web page. The invites screen calls this and never asks which kind of server it is. Synchronous,
 * thread-safe; every failure is a {@link app.registrar.api.MatrixApiException}.
 */
public interface InviteStore {

    /** Whether people can sign up at all, so that an invite can work (true, false, or null when the server did not say). */
    Boolean signUpEnabled();

    /**
     * The web page where an invited person signs up, when it is one (MAS's registration page); empty when people
     * sign up in their Matrix app with the server address (Synapse).
     */
    Optional<String> signUpPage();

    /** The tokens people can still be told about: revoked ones are left out. */
    List<RegistrationToken> tokens();

    /**
     * Creates a token: {@code token} as chosen, or a random one of {@code length} characters when it is null.
     * Null limits mean unlimited uses and no expiry.
     */
    RegistrationToken create(String token, Integer usesAllowed, Instant expiresAt, Integer length);

    /** Sets the token's allowed uses and expiry; null removes that limit. */
    RegistrationToken update(String token, Integer usesAllowed, Instant expiresAt);

    /** Nobody can sign up with it any more; accounts already made with it stay. */
    void revoke(String token);
}
