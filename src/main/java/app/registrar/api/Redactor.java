package app.registrar.api;

import java.util.regex.Pattern;

/**
 * Removes secrets from text headed for a log, an exception message or the screen: Synapse access, refresh and login
 * tokens, bearer and Basic credentials, and JSON fields that carry passwords or tokens.
 */
public final class Redactor {

    private static final String HIDDEN = "[redacted]";
    /** Synapse's syt_/syr_/syl_ tokens and MAS's mat_/mar_ (OAuth 2.0) and mct_/mcr_ (compatibility) tokens. */
    private static final Pattern SYNAPSE_TOKEN = Pattern.compile("(?:sy[trl]|\\bma[tr]|\\bmc[tr])_[A-Za-z0-9_\\-=.]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',]+");
    /** Proxy (and any other) Basic credentials: base64 of user:password. */
    private static final Pattern BASIC = Pattern.compile(
            "(?i)((?:proxy-)?authorization\"?\\s*[:=]\\s*\"?basic\\s+)[^\\s\"',]+");
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i)(\"(?:password|new_password|access_token|refresh_token|token|loginToken|client_secret|code_verifier)\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
    private static final Pattern SECRET_QUERY = Pattern.compile("(?i)([?&](?:access_token|loginToken|code|refresh_token|client_secret|code_verifier)=)[^&\\s]+");

    private Redactor() {
    }

    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = SYNAPSE_TOKEN.matcher(text).replaceAll(HIDDEN);
        out = BEARER.matcher(out).replaceAll("$1" + HIDDEN);
        out = BASIC.matcher(out).replaceAll("$1" + HIDDEN);
        out = SECRET_FIELD.matcher(out).replaceAll("$1" + HIDDEN + "$3");
        return SECRET_QUERY.matcher(out).replaceAll("$1" + HIDDEN);
    }
}
