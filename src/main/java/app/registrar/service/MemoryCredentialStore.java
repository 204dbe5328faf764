package app.registrar.service;

import app.registrar.api.AccessToken;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps tokens until the app closes: the fallback where no keychain is available, and the store tests use. */
public final class MemoryCredentialStore implements CredentialStore {

    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
    private final boolean pretendPersistent;

    public MemoryCredentialStore() {
        this(false);
    }

    /** A store that claims to persist, for tests of the restore path that a real keychain takes. */
    public MemoryCredentialStore(boolean pretendPersistent) {
        this.pretendPersistent = pretendPersistent;
    }

    @Override
    public Optional<AccessToken> load(String key) {
        return Optional.ofNullable(tokens.get(key));
    }

    @Override
    public void save(String key, AccessToken token) {
        tokens.put(key, token);
    }

    @Override
    public void delete(String key) {
        tokens.remove(key);
    }

    @Override
    public boolean isPersistent() {
        return pretendPersistent;
    }
}
