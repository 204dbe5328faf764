package app.registrar.api;

import app.registrar.model.PasswordPolicy;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * What Registrar learned about a homeserver before signing in.
 *
 * @param baseUrl            the client-server API address to use
 * @param specVersions       the Matrix spec versions it speaks
 * @param serverVersion      Synapse's version, or null when the admin API did not answer at this address
 * @param adminApiReachable  whether {@code /_synapse/admin} answered as Synapse at this address
 * @param managedByMas       accounts are run by Matrix Authentication Service: passwords, login and some
 *                           admin endpoints are not available through Synapse
 * @param loginFlows         login types offered ({@code m.login.password}, {@code m.login.sso}, ...)
 * @param passwordPolicy     the server's password rules
 */
public record ServerInfo(HttpUrl baseUrl, List<String> specVersions, String serverVersion, boolean adminApiReachable,
                         boolean managedByMas, List<String> loginFlows, PasswordPolicy passwordPolicy) {

    /** The base URL as people type it into a Matrix client ("Edit" next to the homeserver). */
    public String address() {
        return baseUrl.toString();
    }

    /** The host name of the base URL, for titles and messages. */
    public String host() {
        return baseUrl.host();
    }

    public boolean supportsPasswordLogin() {
        return loginFlows.contains("m.login.password");
    }

    public boolean supportsSso() {
        return loginFlows.contains("m.login.sso") || loginFlows.contains("m.login.cas");
    }

    /** Whether the server keeps passwords itself, so an admin can set them. */
    public boolean managesPasswords() {
        return !managedByMas && supportsPasswordLogin();
    }
}
