package app.registrar.testing;

import app.registrar.api.Homeserver;
import app.registrar.api.LoginSession;
import java.util.UUID;
import okhttp3.HttpUrl;

/** The real Synapse the tests run against, with its admin and non-admin accounts. */
public record TestSynapse(HttpUrl url, String serverName, String adminUser, String adminPassword,
                          String plainUser, String plainPassword) {

    /** A fresh connection signed in as the admin. */
    public Homeserver signedInAdmin() {
        Homeserver homeserver = new Homeserver(url);
        homeserver.auth().loginWithPassword(adminUser, adminPassword);
        return homeserver;
    }

    /** The access token of a new admin session, as an admin would paste it. */
    public String signedInAdminToken() {
        return new Homeserver(url).auth().loginWithPassword(adminUser, adminPassword).accessToken().reveal();
    }

    /** A fresh connection signed in as the given account. */
    public LoginSession signIn(Homeserver homeserver, String user, String password) {
        return homeserver.auth().loginWithPassword(user, password);
    }

    /** A user ID nobody has used yet on this server, so tests never see each other's accounts. */
    public String newUserId(String prefix) {
        return "@" + uniqueLocalpart(prefix) + ":" + serverName;
    }

    public static String uniqueLocalpart(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
