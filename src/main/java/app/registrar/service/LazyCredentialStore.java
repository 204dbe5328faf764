package app.registrar.service;

import app.registrar.api.AccessToken;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens the real store on first use. The keychain loads native code and may wait on D-Bus, so the app creates
 * this on the JavaFX thread and the first use happens on a worker (restore, sign-in, sign-out run there).
 */
public final class LazyCredentialStore implements CredentialStore {

    private final Supplier<CredentialStore> opener;
    private CredentialStore store;

    public LazyCredentialStore(Supplier<CredentialStore> opener) {
        this.opener = opener;
    }

    private synchronized CredentialStore store() {
        if (store == null) {
            store = opener.get();
        }
        return store;
    }

    @Override
    public Optional<AccessToken> load(String key) {
        return store().load(key);
    }

    @Override
    public void save(String key, AccessToken token) {
        store().save(key, token);
    }

    @Override
    public void delete(String key) {
        store().delete(key);
    }

    @Override
    public boolean isPersistent() {
        return store().isPersistent();
    }
}
