package app.registrar.api;

/**
 * Hands out the access token for the next call. An OAuth 2.0 session renews its short-lived token here, before it
 * expires, so a call never starts with a token that is about to run out. Called on worker threads.
 */
@FunctionalInterface
public interface TokenProvider {

    AccessToken current();
}
