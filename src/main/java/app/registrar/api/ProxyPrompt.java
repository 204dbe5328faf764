package app.registrar.api;

import java.util.Optional;

/**
 * Asks the admin for the proxy's user name and password. Called on a worker thread while the request waits; the
 * UI answers through its dialog service. Empty means the admin declined.
 */
@FunctionalInterface
public interface ProxyPrompt {

    /** Asks nobody: a proxy that wants a password fails the call with {@link ErrorCategory#PROXY_AUTHENTICATION}. */
    ProxyPrompt NONE = question -> Optional.empty();

    Optional<ProxyCredentials> ask(Question question);

    /**
     * What the proxy asked: where it is, the realm it named (may be empty), and whether the credentials sent
     * before were refused.
     */
    record Question(String proxyHost, int proxyPort, String realm, boolean refusedBefore) {
    }
}
