package app.registrar.api;

import java.time.Instant;

/**
 * One of a person's sessions in MAS: a {@link Kind#COMPAT} session (a client that signed in with the old Matrix
 * login API), an {@link Kind#OAUTH2} session (a client that signed in through MAS, e.g. Element X), or a
 * {@link Kind#BROWSER} session (MAS's own web pages).
 *
 * @param deviceId  the Matrix device, when the session has one
 * @param name      what to call it: the name the person gave, else the device or client
 */
public record MasSession(Kind kind, String id, String deviceId, String name, String userAgent, Instant createdAt,
                         Instant lastActiveAt, String lastActiveIp, Instant finishedAt) {

    public enum Kind {
        COMPAT("compat-sessions"), OAUTH2("oauth2-sessions"), BROWSER("user-sessions");

        final String path;

        Kind(String path) {
            this.path = path;
        }
    }

    public boolean active() {
        return finishedAt == null;
    }
}
