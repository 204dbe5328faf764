package app.registrar.api;

import okhttp3.HttpUrl;

/** A signed-in admin session: who, with which token and device, on which server. */
public record LoginSession(String userId, AccessToken accessToken, String deviceId, HttpUrl baseUrl) {
}
