package app.registrar.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Whether a certificate names the host it was presented for: its subject alternative names only (no common-name
 * fallback), one leading {@code *.} wildcard label at most — the rules OkHttp's hostname verifier applies after
 * the handshake, checked here first so a wrong-host certificate is never offered for trust.
 */
final class CertificateNames {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private CertificateNames() {
    }

    static boolean matches(String host, X509Certificate certificate) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        boolean ip = isIpLiteral(host);
        for (String name : names(certificate, ip ? IP_ADDRESS : DNS_NAME)) {
            if (ip ? sameAddress(host, name) : matchesPattern(host.toLowerCase(Locale.ROOT), name)) {
                return true;
            }
        }
        return false;
    }

    /** The subject alternative names of one type, for a details section. */
    static List<String> names(X509Certificate certificate, int type) {
        Collection<List<?>> all;
        try {
            all = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of();
        }
        if (all == null) {
            return List.of();
        }
        return all.stream()
                .filter(entry -> entry.size() >= 2 && entry.get(0) instanceof Integer t && t == type)
                .map(entry -> String.valueOf(entry.get(1)))
                .toList();
    }

    static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    private static boolean sameAddress(String host, String name) {
        try {
            // Both are literals, so no name is looked up.
            return InetAddress.getByName(host).equals(InetAddress.getByName(name));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean matchesPattern(String host, String pattern) {
        if (host.isEmpty() || host.startsWith(".") || host.endsWith("..")
                || pattern == null || pattern.isEmpty() || pattern.startsWith(".") || pattern.endsWith("..")) {
            return false;
        }
        String h = host.endsWith(".") ? host : host + ".";
        String p = (pattern.endsWith(".") ? pattern : pattern + ".").toLowerCase(Locale.ROOT);
        if (!p.contains("*")) {
            return h.equals(p);
        }
        if (!p.startsWith("*.") || p.indexOf('*', 1) != -1 || p.equals("*.") || h.length() < p.length()) {
            return false;
        }
        String suffix = p.substring(1);
        if (!h.endsWith(suffix)) {
            return false;
        }
        // The wildcard stands for exactly one label.
        int start = h.length() - suffix.length();
        return start > 0 && h.lastIndexOf('.', start - 1) == -1;
    }
}
