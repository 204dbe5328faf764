package app.registrar.api;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * What the admin typed in the homeserver field: a server name ({@code example.org}) to resolve through
 * {@code .well-known}, or a full URL to use as it is. Enforces the transport rule: https, or http to loopback only.
 */
public record ServerAddress(String serverName, HttpUrl explicitUrl) {

    /**
     * Reads the admin's input. A bare name becomes a server name (and a candidate {@code https://name} URL);
     * anything with a scheme is taken as a URL. Trailing slashes are dropped; internationalised names are
     * converted to their ASCII form.
     */
    public static ServerAddress parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw MatrixApiException.local(ErrorCategory.INVALID_INPUT, "no homeserver address was given");
        }
        if (text.contains("://")) {
            HttpUrl url = HttpUrl.parse(text);
            if (url == null) {
                throw MatrixApiException.local(ErrorCategory.INVALID_INPUT, "not a valid web address");
            }
            return new ServerAddress(null, requireAllowed(trimTrailingSlash(url)));
        }
        String host = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        // Anything a URL parser would read as path, query, fragment or user info is refused, not silently dropped.
        if (host.isEmpty() || host.chars().anyMatch(c -> c == '/' || c == '@' || c == '?' || c == '#' || c == '\\'
                || Character.isWhitespace(c))) {
            throw MatrixApiException.local(ErrorCategory.INVALID_INPUT, "not a valid server name");
        }
        String ascii;
        try {
            ascii = host.startsWith("[") ? host : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw MatrixApiException.local(ErrorCategory.INVALID_INPUT, "not a valid server name");
        }
        HttpUrl candidate = HttpUrl.parse("https://" + ascii);
        if (candidate == null) {
            throw MatrixApiException.local(ErrorCategory.INVALID_INPUT, "not a valid server name");
        }
        // The name as it is contacted ("example.org:" and "EXAMPLE.org:443" are both "example.org").
        String name = (candidate.host().contains(":") ? "[" + candidate.host() + "]" : candidate.host())
                + (candidate.port() == 443 ? "" : ":" + candidate.port());
        return new ServerAddress(name, candidate);
    }

    /** True when this is a server name to be resolved through {@code .well-known} first. */
    public boolean isServerName() {
        return serverName != null;
    }

    public Optional<String> name() {
        return Optional.ofNullable(serverName);
    }

    /** Refuses plain http except to this computer, where there is no network to listen in on. */
    public static HttpUrl requireAllowed(HttpUrl url) {
        if (url.isHttps() || isLoopback(url.host())) {
            return url;
        }
        throw MatrixApiException.local(ErrorCategory.INSECURE_ADDRESS,
                "plain http is only allowed to this computer (" + url.host() + " is not); use https");
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static HttpUrl trimTrailingSlash(HttpUrl url) {
        HttpUrl.Builder builder = url.newBuilder().query(null).fragment(null);
        String path = url.encodedPath();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return builder.encodedPath(path.isEmpty() ? "/" : path).build();
    }
}
