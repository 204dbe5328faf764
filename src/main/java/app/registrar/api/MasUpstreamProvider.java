package app.registrar.api;

/** A single sign-on provider MAS is configured with: its ID and the name people see. */
public record MasUpstreamProvider(String id, String issuer, String humanName) {

    public String label() {
        return humanName != null ? humanName : issuer != null ? issuer : id;
    }
}
