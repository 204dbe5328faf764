package app.registrar.service;

import app.registrar.api.AccessToken;
import com.microsoft.credentialstorage.SecretStore;
import com.microsoft.credentialstorage.StorageProvider;
import com.microsoft.credentialstorage.model.StoredToken;
import com.microsoft.credentialstorage.model.StoredTokenType;
import java.util.Arrays;
import java.util.Optional;

/**
 * The operating system's keychain: Windows Credential Manager, macOS Keychain, or the Linux Secret Service
 * (GNOME Keyring, KWallet) through libsecret. Only ever created through {@link #openOrMemory()}, which falls back
 * to memory where no secure store can be used.
 */
public final class KeychainCredentialStore implements CredentialStore {

    private static final System.Logger LOG = System.getLogger(KeychainCredentialStore.class.getName());
    private final SecretStore<StoredToken> store;

    private KeychainCredentialStore(SecretStore<StoredToken> store) {
        this.store = store;
    }

    /** The keychain when one is usable here; otherwise a memory store that says it does not persist. */
    public static CredentialStore openOrMemory() {
        if (Boolean.getBoolean("registrar.noKeychain")) {
            return new MemoryCredentialStore();
        }
        try {
            SecretStore<StoredToken> store = StorageProvider.getTokenStorage(true, StorageProvider.SecureOption.REQUIRED);
            if (store != null && store.isSecure()) {
                return new KeychainCredentialStore(store);
            }
        } catch (RuntimeException | LinkageError e) {
            // No Secret Service on this Linux, or the native library is missing: fall back below.
            LOG.log(System.Logger.Level.INFO, "no usable keychain: " + e.getClass().getSimpleName());
        }
        return new MemoryCredentialStore();
    }

    @Override
    public Optional<AccessToken> load(String key) {
        try {
            StoredToken token = store.get(key);
            if (token == null) {
                return Optional.empty();
            }
            char[] value = token.getValue();
            try {
                return Optional.of(new AccessToken(new String(value)));
            } finally {
                Arrays.fill(value, '\0');
                token.clear();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the keychain could not be read: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void save(String key, AccessToken token) {
        char[] value = token.reveal().toCharArray();
        try {
            store.add(key, new StoredToken(value, StoredTokenType.ACCESS));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the keychain could not be written: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(value, '\0');
        }
    }

    @Override
    public void delete(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the keychain entry could not be removed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean isPersistent() {
        return true;
    }
}
