package app.registrar.api;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate authorities a fresh install trusts: the Java runtime's own {@code cacerts}, and the operating
 * system's store, where corporate root certificates (TLS-inspecting proxies) are installed.
 * <ul>
 *   <li>Windows: the {@code Windows-ROOT} key store (the machine's and user's trusted roots, SunMSCAPI).</li>
 *   <li>macOS: the {@code KeychainStore} key store. On Java 17 it holds the certificates marked trusted in the
 *       user's login keychain, not the System keychain: a root installed only there is not seen.</li>
 *   <li>Linux and others: the first PEM bundle found of {@code /etc/ssl/certs/ca-certificates.crt} (Debian,
 *       Ubuntu), {@code /etc/pki/tls/certs/ca-bundle.crt} (Fedora, RHEL), {@code /etc/ssl/ca-bundle.pem}
 *       (openSUSE), {@code /etc/ssl/cert.pem} (Alpine, Arch).</li>
 * </ul>
 * A store that cannot be read is skipped with a log line; the runtime's {@code cacerts} is always there.
 */
final class SystemTrustStores {

    private static final System.Logger LOG = System.getLogger("app.registrar.http");
    static final List<Path> LINUX_BUNDLES = List.of(
            Path.of("/etc/ssl/certs/ca-certificates.crt"),
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"),
            Path.of("/etc/ssl/ca-bundle.pem"),
            Path.of("/etc/ssl/cert.pem"));

    private SystemTrustStores() {
    }

    static List<X509TrustManager> load() {
        List<X509TrustManager> managers = new ArrayList<>();
        try {
            managers.add(fromKeyStore(null));
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "the Java runtime's trusted certificates could not be read: " + e);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.startsWith("windows")) {
                managers.add(fromKeyStore(platformStore("Windows-ROOT")));
            } else if (os.startsWith("mac")) {
                managers.add(fromKeyStore(platformStore("KeychainStore")));
            } else {
                for (Path bundle : LINUX_BUNDLES) {
                    if (Files.isReadable(bundle)) {
                        managers.add(fromKeyStore(pemBundle(bundle)));
                        break;
                    }
                }
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "the system's trusted certificates could not be read: " + e);
        }
        return List.copyOf(managers);
    }

    private static KeyStore platformStore(String type) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        return store;
    }

    static KeyStore pemBundle(Path bundle) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(bundle)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("system-" + i++, certificate);
        }
        return store;
    }

    static X509TrustManager fromKeyStore(KeyStore store) throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager");
    }
}
