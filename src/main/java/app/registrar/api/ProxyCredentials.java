package app.registrar.api;

/** A user name and password for the proxy, as the admin typed them. Never logged: {@link #toString()} hides both. */
public record ProxyCredentials(String user, String password) {

    @Override
    public String toString() {
        return "ProxyCredentials[user=" + user + ", password=[redacted]]";
    }
}
