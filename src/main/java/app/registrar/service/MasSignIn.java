package app.registrar.service;

import app.registrar.api.AuthMetadata;
import app.registrar.api.OAuthClient;
import app.registrar.api.Pkce;
import app.registrar.api.ServerInfo;

/**
 * A browser sign-in through MAS under way: the address to open in the system browser, and what finishing it needs
 * (the loopback that receives the code, the client MAS registered, the PKCE verifier). Cancel it with
 * {@link #close()}.
 */
public record MasSignIn(String browserUrl, ServerInfo server, AuthMetadata metadata, OAuthClient client,
                        String clientId, Pkce pkce, OAuthLoopback loopback) implements AutoCloseable {

    @Override
    public void close() {
        loopback.close();
    }

    @Override
    public String toString() {
        return "MasSignIn[" + browserUrl + "]";
    }
}
