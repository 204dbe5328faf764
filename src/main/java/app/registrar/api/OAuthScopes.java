package app.registrar.api;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scopes Registrar asks MAS for when an admin signs in in the browser: MAS's admin API ({@code urn:mas:admin}),
 * Synapse's admin API ({@code urn:synapse:admin:*}), the client-server API and one device — with the stable
 * {@code urn:matrix:client:} names (Matrix 1.15) or MSC2967's unstable ones, whichever the server speaks. MAS
 * refuses a request that mixes the two.
 */
public final class OAuthScopes {

    public static final String MAS_ADMIN = "urn:mas:admin";
    public static final String SYNAPSE_ADMIN = "urn:synapse:admin:*";
    static final String STABLE = "urn:matrix:client:";
    static final String UNSTABLE = "urn:matrix:org.matrix.msc2967.client:";

    private OAuthScopes() {
    }

    /** The space-separated scope for an admin's browser sign-in; {@code deviceId} names Registrar's device. */
    public static String forAdmin(AuthMetadata metadata, List<String> specVersions, String deviceId) {
        String prefix = usesStableNames(metadata.scopesSupported(), specVersions) ? STABLE : UNSTABLE;
        return String.join(" ", prefix + "api:*", prefix + "device:" + deviceId, SYNAPSE_ADMIN, MAS_ADMIN);
    }

    /** A device ID MAS accepts in a device scope (at least 10 characters of its alphabet). */
    public static String newDeviceId() {
        return "REGISTRAR" + Pkce.randomUrlSafe(6).replace('-', 'x').replace('_', 'y').toUpperCase(Locale.ROOT);
    }

    /**
     * Stable names when the server lists them, unstable when it lists only those; otherwise by the spec versions:
     * the stable names came with v1.15.
     */
    static boolean usesStableNames(List<String> scopesSupported, List<String> specVersions) {
        boolean listsStable = scopesSupported.stream().anyMatch(s -> s.startsWith(STABLE));
        boolean listsUnstable = scopesSupported.stream().anyMatch(s -> s.startsWith(UNSTABLE));
        if (listsStable != listsUnstable) {
            return listsStable;
        }
        return specVersions.stream().anyMatch(OAuthScopes::atLeast115);
    }

    private static boolean atLeast115(String version) {
        Matcher m = Pattern.compile("v(\\d+)\\.(\\d+)").matcher(version);
        if (!m.matches()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major > 1 || (major == 1 && minor >= 15);
    }
}
