package app.registrar.api;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The certificates the admin explicitly trusted, one SHA-256 fingerprint per server ({@code host:port}), kept in
 * the user's preferences. Fingerprints are not secrets; a pin is only ever added by the admin's own click.
 */
public final class CertificatePins {

    private static final System.Logger LOG = System.getLogger("app.registrar.http");
    /**
     * Writes pins to disk off the caller's thread (the admin's click arrives on the JavaFX thread, and a flush is
     * file I/O); one daemon thread keeps the writes in order. The pin is in effect at once, in memory.
     */
    private static final Executor FLUSHER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "registrar-pins");
        thread.setDaemon(true);
        return thread;
    });
    private final Preferences node;

    private CertificatePins(Preferences node) {
        this.node = node;
    }

    public static CertificatePins inPreferences(Preferences node) {
        return new CertificatePins(node);
    }

    /** The fingerprint trusted for this server, if any. */
    public Optional<String> pinned(String host, int port) {
        return Optional.ofNullable(node.get(key(host, port), null));
    }

    /** Trusts exactly this certificate for this server from now on, replacing any earlier one. */
    public void pin(String host, int port, String sha256) {
        node.put(key(host, port), PresentedCertificate.normalizeFingerprint(sha256));
        flush();
    }

    /** Stops trusting a pinned certificate for this server. */
    public void forget(String host, int port) {
        node.remove(key(host, port));
        flush();
    }

    private void flush() {
        FLUSHER.execute(() -> {
            try {
                node.flush();
            } catch (BackingStoreException e) {
                LOG.log(System.Logger.Level.WARNING, "trusted certificates could not be saved: " + e.getMessage());
            }
        });
    }

    static String key(String host, int port) {
        String key = host.toLowerCase(Locale.ROOT) + ":" + port;
        // Preferences keys are limited to 80 characters; long host names are stored by their hash.
        return key.length() <= Preferences.MAX_KEY_LENGTH ? key : "sha256-" + PresentedCertificate.sha256Hex(key);
    }
}
