package app.registrar.api;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a value (a user ID, a device ID, an email address) as exactly one URL path segment.
 * Everything but RFC 3986's unreserved characters is encoded, so {@code @}, {@code :} and {@code /} can never
 * change which endpoint is called; {@code .} and {@code ..} are refused because a URL parser resolves them.
 */
public final class PathSegments {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegments() {
    }

    public static String encode(String value) {
        if (value == null || value.isEmpty()) {
            throw MatrixApiException.local(ErrorCategory.INVALID_INPUT, "an identifier in the address cannot be empty");
        }
        if (value.equals(".") || value.equals("..")) {
            throw MatrixApiException.local(ErrorCategory.INVALID_INPUT, "'" + value + "' cannot be used as an identifier");
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
