package app.registrar.service;

import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * Which server and admin the last session belonged to, so the next start can look its token up in the
 * keychain. Holds no secret: the token itself is only ever in the {@link CredentialStore}.
 */
public final class LastSession {

    private final Preferences prefs;
    private Entry remembered;
    private String rememberedMethod;
    private String rememberedClient;

    /** Remembered in the user's preferences. */
    public LastSession(Preferences prefs) {
        this.prefs = prefs;
    }

    /** Remembered until the app closes. */
    public static LastSession inMemory() {
        return new LastSession(null);
    }

    /** The base URL and user ID of the last session. */
    public record Entry(String baseUrl, String userId) { }

    public Optional<Entry> get() {
        if (prefs == null) {
            return Optional.ofNullable(remembered);
        }
        String url = prefs.get("last.baseUrl", null);
        String user = prefs.get("last.userId", null);
        return url == null || user == null ? Optional.empty() : Optional.of(new Entry(url, user));
    }

    public void set(String baseUrl, String userId) {
        if (prefs == null) {
            remembered = new Entry(baseUrl, userId);
            return;
        }
        prefs.put("last.baseUrl", baseUrl);
        prefs.put("last.userId", userId);
    }

    public void clear() {
        rememberedMethod = null;
        rememberedClient = null;
        if (prefs == null) {
            remembered = null;
            return;
        }
        prefs.remove("last.baseUrl");
        prefs.remove("last.userId");
        prefs.remove("last.method");
        prefs.remove("last.oauthClient");
    }

    /**
     * The OAuth 2.0 client ID Registrar registered with MAS for the last browser sign-in: with the refresh token the
     * keychain keeps, it renews the session after a restart. Not a secret (a public client), so preferences hold it.
     */
    public Optional<String> oauthClientId() {
        return Optional.ofNullable(prefs == null ? rememberedClient : prefs.get("last.oauthClient", null));
    }

    public void setOAuthClientId(String clientId) {
        if (prefs == null) {
            rememberedClient = clientId;
        } else if (clientId == null) {
            prefs.remove("last.oauthClient");
        } else {
            prefs.put("last.oauthClient", clientId);
        }
    }

    /** How the last session was signed in (a {@code ConnectionService.SignInMethod} name), when known. */
    public Optional<String> method() {
        return Optional.ofNullable(prefs == null ? rememberedMethod : prefs.get("last.method", null));
    }

    public void setMethod(String method) {
        if (prefs == null) {
            rememberedMethod = method;
        } else {
            prefs.put("last.method", method);
        }
    }
}
