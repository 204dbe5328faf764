package app.registrar.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * How Registrar reaches homeservers: the one shared OkHttp client (its connection pool and dispatcher) with
 * certificate trust ({@link CertificateTrust}: system stores plus the admin's pins) and proxy sign-in
 * ({@link ProxySignIn}) added through {@code newBuilder()}. Proxies come from OkHttp's default
 * {@link java.net.ProxySelector}, which follows the system's settings when {@code java.net.useSystemProxies} is
 * set (the launcher sets it).
 */
public final class Network {

    /** Where the app keeps pinned certificates. */
    public static final String PINS_NODE = "app/registrar/trust";

    private static Network standard;

    private final CertificatePins pins;
    private final Supplier<List<X509TrustManager>> authorities;
    private final ProxyPrompt proxyPrompt;
    private final Dns dns;
    private OkHttpClient client;

    /**
     * The system's trust stores, the given pins, and the given way of asking for a proxy password. The stores are
     * read on the first connection, not here, so creating a network costs the app's start nothing.
     */
    public Network(CertificatePins pins, ProxyPrompt proxyPrompt) {
        this(SystemTrustStores::load, pins, proxyPrompt);
    }

    /** Other certificate authorities instead of the system's (tests with a private CA). */
    public static Network withAuthorities(List<X509TrustManager> authorities, CertificatePins pins, ProxyPrompt proxyPrompt) {
        List<X509TrustManager> copy = List.copyOf(authorities);
        return new Network(() -> copy, pins, proxyPrompt);
    }

    private Network(Supplier<List<X509TrustManager>> authorities, CertificatePins pins, ProxyPrompt proxyPrompt) {
        this(authorities, pins, proxyPrompt, Dns.SYSTEM);
    }

    private Network(Supplier<List<X509TrustManager>> authorities, CertificatePins pins, ProxyPrompt proxyPrompt,
                    Dns dns) {
        this.pins = pins;
        this.authorities = authorities;
        this.proxyPrompt = proxyPrompt;
        this.dns = dns;
    }

    /** The same network with names looked up elsewhere (tests reach made-up server names on this computer). */
    public Network withDns(Dns names) {
        return new Network(authorities, pins, proxyPrompt, names);
    }

    /**
     * Does the one-time work of the first request ahead of time: reading the trust stores and loading the HTTP and
     * JSON machinery take about a second on a slow machine, which the admin would otherwise wait for after pressing
     * Sign in. Safe to call from any thread, any number of times.
     */
    public void warmUp() {
        client();
        try {
            Json.MAPPER.readTree("{\"warm\":[1,true,null]}");
            Json.MAPPER.readValue("{\"users\":[],\"total\":0}", UserPage.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client every {@link HttpTransport} of this network derives its settings from. */
    public synchronized OkHttpClient client() {
        if (client == null) {
            client = build();
        }
        return client;
    }

    private OkHttpClient build() {
        CertificateTrust trust = new CertificateTrust(authorities.get(), pins);
        SSLContext tls;
        try {
            tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
        return HttpTransport.sharedBase().newBuilder()
                .sslSocketFactory(tls.getSocketFactory(), trust)
                .proxyAuthenticator(new ProxySignIn(proxyPrompt))
                .dns(dns)
                .build();
    }

    /**
     * The network used where none was passed: system trust, the app's pins, and no proxy password prompt.
     * Built on first use, so start-up does not read the trust stores.
     */
    public static synchronized Network standard() {
        if (standard == null) {
            standard = new Network(CertificatePins.inPreferences(Preferences.userRoot().node(PINS_NODE)), ProxyPrompt.NONE);
        }
        return standard;
    }

    public CertificatePins pins() {
        return pins;
    }

    /** Trusts exactly this certificate for the server that presented it, from now on. */
    public void trust(PresentedCertificate certificate) {
        pins.pin(certificate.host(), certificate.port(), certificate.sha256());
    }
}
