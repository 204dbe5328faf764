package app.registrar.testing;

import java.util.UUID;
import okhttp3.HttpUrl;

/**
 * The real Matrix Authentication Service stack the MAS tests run against ({@code scripts/mas.sh}): MAS, the Synapse
 * that delegates its accounts to it, the confidential admin client, and an admin and a plain account.
 */
public record TestMas(HttpUrl masUrl, HttpUrl masBareUrl, HttpUrl synapseUrl, String serverName, String adminClientId,
                      String adminClientSecret, String plainClientId, String plainClientSecret, String ssoProviderId,
                      String adminUser, String adminPassword, String plainUser, String plainPassword) {

    public String adminLocalpart() {
        return localpart(adminUser);
    }

    public String plainLocalpart() {
        return localpart(plainUser);
    }

    public static String localpart(String userId) {
        return userId.substring(1, userId.indexOf(':'));
    }

    /** A user name nobody has used yet on this server, so tests never see each other's accounts. */
    public static String newLocalpart(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
