package app.registrar.api;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Decides whether a homeserver's certificate is trusted. In this order:
 * <ol>
 *   <li>an expired or not yet valid certificate is refused, pinned or not;</li>
 *   <li>a certificate that does not name the host is refused, pinned or not (hostname verification stays on;
 *       OkHttp checks again after the handshake);</li>
 *   <li>the one certificate the admin pinned for this {@code host:port} is trusted;</li>
 *   <li>a chain any system store trusts ({@link SystemTrustStores}) is trusted;</li>
 *   <li>anything else is refused: as changed when another certificate was pinned for this server, as untrusted
 *       (which the admin may then pin) otherwise.</li>
 * </ol>
 * There is no mode that trusts everything.
 */
public final class CertificateTrust extends X509ExtendedTrustManager {

    private final List<X509TrustManager> anchors;
    private final CertificatePins pins;

    public CertificateTrust(List<X509TrustManager> anchors, CertificatePins pins) {
        this.anchors = List.copyOf(anchors);
        this.pins = pins;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        SSLSession session = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
        check(chain, authType, session);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, authType, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, null);
    }

    private void check(X509Certificate[] chain, String authType, SSLSession session) throws CertificateException {
        String host = session == null ? null : session.getPeerHost();
        int port = session == null ? -1 : session.getPeerPort();
        check(chain, authType, host, port);
    }

    void check(X509Certificate[] chain, String authType, String host, int port) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        X509Certificate leaf = chain[0];
        Optional<String> pinned = host == null ? Optional.empty() : pins.pinned(host, port);
        PresentedCertificate presented = PresentedCertificate.of(host, port, leaf, pinned.orElse(null));
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new CertificateProblem(ErrorCategory.CERTIFICATE_EXPIRED, presented, e);
        }
        if (host != null && !CertificateNames.matches(host, leaf)) {
            throw new CertificateProblem(ErrorCategory.CERTIFICATE_WRONG_HOST, presented, null);
        }
        if (pinned.isPresent() && pinned.get().equals(presented.sha256())) {
            return;
        }
        CertificateException refusal = null;
        for (X509TrustManager anchor : anchors) {
            try {
                anchor.checkServerTrusted(chain, authType);
                return;
            } catch (CertificateException e) {
                refusal = e;
            }
        }
        throw new CertificateProblem(pinned.isPresent() ? ErrorCategory.CERTIFICATE_CHANGED
                : ErrorCategory.CERTIFICATE_UNTRUSTED, presented, refusal);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("Registrar does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("Registrar does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("Registrar does not accept client connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return anchors.stream().flatMap(anchor -> Arrays.stream(anchor.getAcceptedIssuers()))
                .toArray(X509Certificate[]::new);
    }
}
