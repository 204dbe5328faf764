package app.registrar.store;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MasAdminApi;
import app.registrar.api.MasPage;
import app.registrar.api.MasRegistrationToken;
import app.registrar.api.MasSiteConfig;
import app.registrar.api.MatrixApiException;
import app.registrar.api.RegistrationToken;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MAS's registration tokens (its admin API, {@code user-registration-tokens}). People sign up on MAS's own web page
 * ({@code <MAS>/register}) and type the token there. MAS names tokens by its own IDs, so each change first finds
 * the token by its text; revoking keeps it in MAS, marked revoked, and it leaves the list like a deleted one.
 */
public final class MasInviteStore implements InviteStore {

    /** MAS makes its own random tokens; a chosen length is made here from letters and digits, as Synapse's are. */
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasAdminApi mas;
    private final MasSiteConfig site;
    private final String publicBase;

    /** @param publicBase MAS's public address, where its sign-up page is */
    public MasInviteStore(MasAdminApi mas, MasSiteConfig site, String publicBase) {
        this.mas = mas;
        this.site = site;
        this.publicBase = publicBase.endsWith("/") ? publicBase : publicBase + "/";
    }

    @Override
    public Boolean signUpEnabled() {
        return site.passwordLoginEnabled() && site.passwordRegistrationEnabled();
    }

    @Override
    public Optional<String> signUpPage() {
        return Optional.of(publicBase + "register");
    }

    @Override
    public List<RegistrationToken> tokens() {
        return all().stream().map(MasRegistrationToken::toToken).toList();
    }

    private List<MasRegistrationToken> all() {
        List<MasRegistrationToken> all = new ArrayList<>();
        String after = null;
        do {
            MasPage<MasRegistrationToken> page = mas.registrationTokens(after);
            all.addAll(page.items());
            after = page.next();
        } while (after != null);
        return all;
    }

    @Override
    public RegistrationToken create(String token, Integer usesAllowed, Instant expiresAt, Integer length) {
        String text = token != null ? token : length != null ? random(length) : null;
        return mas.createRegistrationToken(text, usesAllowed, expiresAt).toToken();
    }

    @Override
    public RegistrationToken update(String token, Integer usesAllowed, Instant expiresAt) {
        return mas.updateRegistrationToken(idOf(token), usesAllowed, expiresAt).toToken();
    }

    @Override
    public void revoke(String token) {
        mas.revokeRegistrationToken(idOf(token));
    }

    private String idOf(String token) {
        return all().stream().filter(t -> t.token().equals(token)).map(MasRegistrationToken::id).findFirst()
                .orElseThrow(() -> MatrixApiException.local(ErrorCategory.NOT_FOUND, "the sign-in service has no invite " + token));
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
