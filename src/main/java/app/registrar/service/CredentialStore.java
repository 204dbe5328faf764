package app.registrar.service;

import app.registrar.api.AccessToken;
import java.util.Optional;

/**
 * Where the admin's access token is kept between runs. The real one is the operating system's keychain; where
 * none is available the token lives in memory only, and {@link #isPersistent()} lets the app say so.
 */
public interface CredentialStore {

    Optional<AccessToken> load(String key);

    void save(String key, AccessToken token);

    void delete(String key);

    /** True when tokens survive a restart (a real keychain), false for memory only. */
    boolean isPersistent();

    /** The key a session's token is stored under: the server's address and the admin's user ID. */
    static String keyFor(String baseUrl, String userId) {
        return "Registrar: " + userId + " @ " + baseUrl;
    }
}
