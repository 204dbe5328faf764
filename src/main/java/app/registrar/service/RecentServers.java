package app.registrar.service;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The homeserver addresses and user names the admin connected with before, newest first. Only addresses and
 * user names are stored (in the user's preferences); never a password or token.
 */
public final class RecentServers {

    private static final int KEEP = 8;
    private final Preferences prefs;

    public RecentServers() {
        this(Preferences.userRoot().node("app/registrar/recent"));
    }

    public RecentServers(Preferences prefs) {
        this.prefs = prefs;
    }

    public List<String> servers() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < KEEP; i++) {
            String value = prefs.get("server." + i, null);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    public String lastUser(String server) {
        return prefs.get("user." + Integer.toHexString(server.hashCode()), "");
    }

    public void remember(String server, String user) {
        List<String> list = servers();
        list.remove(server);
        list.add(0, server);
        for (int i = 0; i < KEEP; i++) {
            if (i < list.size()) {
                prefs.put("server." + i, list.get(i));
            } else {
                prefs.remove("server." + i);
            }
        }
        if (user != null && !user.isBlank()) {
            prefs.put("user." + Integer.toHexString(server.hashCode()), user.strip());
        }
    }
}
