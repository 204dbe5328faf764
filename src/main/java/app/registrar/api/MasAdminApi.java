package app.registrar.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Matrix Authentication Service's admin API ({@code /api/admin/v1}): the accounts, passwords, emails, SSO links and
 * sessions MAS owns. Synchronous and thread-safe like {@link AdminApi}; the token needs {@code urn:mas:admin}.
 * Paths name accounts by MAS's own IDs; {@link #userByUsername} finds one from a Matrix user's localpart.
 */
public final class MasAdminApi {

    /** A deactivation asks Synapse to remove the person from rooms and may take long; never re-sent. */
    static final Duration DEACTIVATE_TIMEOUT = Duration.ofMinutes(5);

    private final HttpTransport http;

    public MasAdminApi(HttpTransport http) {
        this.http = http;
    }

    private HttpUrl url(String... segments) {
        String[] all = new String[segments.length + 3];
        all[0] = "api";
        all[1] = "admin";
        all[2] = "v1";
        System.arraycopy(segments, 0, all, 3, segments.length);
        return http.url(all);
    }

    /** MAS's rules (password complexity, what may change); also proves the admin API is reachable and allowed. */
    public MasSiteConfig siteConfig() {
        JsonNode json = http.get(url("site-config"), JsonNode.class);
        return new MasSiteConfig(json.path("server_name").asText(), json.path("password_login_enabled").asBoolean(true),
                json.path("password_change_allowed").asBoolean(true), json.path("email_change_allowed").asBoolean(true),
                json.path("account_deactivation_allowed").asBoolean(true), json.path("minimum_password_complexity").asInt(0),
                json.path("password_registration_enabled").asBoolean(false));
    }

    public MasPage<MasUser> listUsers(MasUserQuery query) {
        HttpUrl.Builder url = url("users").newBuilder()
                .addQueryParameter("page[first]", Integer.toString(query.pageSize()))
                .addQueryParameter("count", "true");
        if (query.after() != null) {
            url.addQueryParameter("page[after]", query.after());
        }
        if (query.search() != null && !query.search().isBlank()) {
            url.addQueryParameter("filter[search]", query.search().strip());
        }
        if (query.status() != null) {
            url.addQueryParameter("filter[status]", query.status());
        }
        if (query.admin() != null) {
            url.addQueryParameter("filter[admin]", query.admin().toString());
        }
        if (query.legacyGuests() != null) {
            url.addQueryParameter("filter[legacy-guest]", query.legacyGuests().toString());
        }
        return page(http.get(url.build(), JsonNode.class), MasAdminApi::user);
    }

    public MasUser getUser(String id) {
        return user(http.get(url("users", id), JsonNode.class).path("data"));
    }

    /** The account with this localpart, or empty when MAS has none. */
    public Optional<MasUser> userByUsername(String username) {
        try {
            return Optional.of(user(http.get(url("users", "by-username", username), JsonNode.class).path("data")));
        } catch (MatrixApiException e) {
            if (e.category() == ErrorCategory.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Creates the account in MAS (which also asks Synapse whether the name is free); no password yet. MAS then
     * creates the Matrix user in Synapse in a background job, with the display name and avatar given here.
     */
    public MasUser createUser(String username, String displayName, String avatarUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        if (displayName != null && !displayName.isEmpty()) {
            body.put("displayname", displayName);
        }
        if (avatarUrl != null && !avatarUrl.isEmpty()) {
            body.put("avatar_url", avatarUrl);
        }
        return user(http.post(url("users"), body, JsonNode.class).path("data"));
    }

    /**
     * Sets a password. MAS checks it against its complexity rule and answers 400 "Password is too weak" when it
     * fails; nothing is retried.
     */
    public void setPassword(String id, String password) {
        http.post(url("users", id, "set-password"), Map.of("password", password), Void.class);
    }

    /** Whether the person may request admin rights when signing in ({@code can_request_admin}). */
    public MasUser setAdmin(String id, boolean admin) {
        return user(http.post(url("users", id, "set-admin"), Map.of("admin", admin), JsonNode.class).path("data"));
    }

    public MasUser lock(String id) {
        return user(http.post(url("users", id, "lock"), Map.of(), JsonNode.class).path("data"));
    }

    public MasUser unlock(String id) {
        return user(http.post(url("users", id, "unlock"), Map.of(), JsonNode.class).path("data"));
    }

    /**
     * Deactivates: ends every session and asks Synapse (in a background job) to deactivate the Matrix account,
     * GDPR-erasing it unless {@code erase} is false. Long timeout, never re-sent.
     */
    public MasUser deactivate(String id, boolean erase) {
        return user(http.post(url("users", id, "deactivate"), Map.of("skip_erase", !erase), JsonNode.class,
                DEACTIVATE_TIMEOUT).path("data"));
    }

    /** Reactivates (and unlocks) the account; Synapse follows in a background job. Rooms and emails stay gone. */
    public MasUser reactivate(String id) {
        return user(http.post(url("users", id, "reactivate"), Map.of(), JsonNode.class).path("data"));
    }

    public List<MasEmail> emails(String userId) {
        HttpUrl url = url("user-emails").newBuilder().addQueryParameter("filter[user]", userId)
                .addQueryParameter("page[first]", "100").build();
        return page(http.get(url, JsonNode.class), MasAdminApi::email).items();
    }

    /** Adds a confirmed address (the admin vouches for it); 409 when another account has it. */
    public MasEmail addEmail(String userId, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", userId);
        body.put("email", email);
        return email(http.post(url("user-emails"), body, JsonNode.class).path("data"));
    }

    /** The account entry of an email address, when some account has it. */
    public Optional<MasEmail> findEmail(String address) {
        HttpUrl url = url("user-emails").newBuilder().addQueryParameter("filter[email]", address.strip())
                .addQueryParameter("page[first]", "1").build();
        return page(http.get(url, JsonNode.class), MasAdminApi::email).items().stream().findFirst();
    }

    public void deleteEmail(String emailId) {
        http.delete(url("user-emails", emailId), Void.class);
    }

    /** The sessions of this kind that are still active. */
    public List<MasSession> sessions(String userId, MasSession.Kind kind) {
        HttpUrl url = url(kind.path).newBuilder().addQueryParameter("filter[user]", userId)
                .addQueryParameter("filter[status]", "active").addQueryParameter("page[first]", "100").build();
        return page(http.get(url, JsonNode.class), node -> session(kind, node)).items();
    }

    /** Ends one session: its tokens stop working at once, and Synapse forgets the device. */
    public void finishSession(MasSession.Kind kind, String sessionId) {
        http.post(url(kind.path, sessionId, "finish"), Map.of(), Void.class);
    }

    public List<MasUpstreamProvider> upstreamProviders() {
        HttpUrl url = url("upstream-oauth-providers").newBuilder().addQueryParameter("page[first]", "100").build();
        return page(http.get(url, JsonNode.class), node -> {
            JsonNode a = node.path("attributes");
            return new MasUpstreamProvider(node.path("id").asText(), a.path("issuer").textValue(), a.path("human_name").textValue());
        }).items();
    }

    public List<MasUpstreamLink> upstreamLinks(String userId) {
        HttpUrl url = url("upstream-oauth-links").newBuilder().addQueryParameter("filter[user]", userId)
                .addQueryParameter("page[first]", "100").build();
        return page(http.get(url, JsonNode.class), MasAdminApi::link).items();
    }

    /** Links the account to the person's identity ({@code subject}) at a configured SSO provider. */
    public MasUpstreamLink addUpstreamLink(String userId, String providerId, String subject) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", userId);
        body.put("provider_id", providerId);
        body.put("subject", subject);
        return link(http.post(url("upstream-oauth-links"), body, JsonNode.class).path("data"));
    }

    /** The link of this identity at this provider, when some account has it. */
    public Optional<MasUpstreamLink> findUpstreamLink(String providerId, String subject) {
        HttpUrl url = url("upstream-oauth-links").newBuilder().addQueryParameter("filter[provider]", providerId)
                .addQueryParameter("filter[subject]", subject).addQueryParameter("page[first]", "1").build();
        return page(http.get(url, JsonNode.class), MasAdminApi::link).items().stream().findFirst();
    }

    public void deleteUpstreamLink(String linkId) {
        http.delete(url("upstream-oauth-links", linkId), Void.class);
    }

    // ---- registration tokens (invites) ------------------------------------------------------------------

    /** The tokens that are not revoked, {@code after} a cursor; MAS names each by its own ID. */
    public MasPage<MasRegistrationToken> registrationTokens(String after) {
        HttpUrl.Builder url = url("user-registration-tokens").newBuilder()
                .addQueryParameter("filter[revoked]", "false").addQueryParameter("page[first]", "100");
        if (after != null) {
            url.addQueryParameter("page[after]", after);
        }
        return page(http.get(url.build(), JsonNode.class), MasAdminApi::registrationToken);
    }

    /** Creates a token; MAS makes a random one when {@code token} is null. Null limits mean none. */
    public MasRegistrationToken createRegistrationToken(String token, Integer usageLimit, Instant expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (token != null) {
            body.put("token", token);
        }
        if (usageLimit != null) {
            body.put("usage_limit", usageLimit);
        }
        if (expiresAt != null) {
            body.put("expires_at", expiresAt.toString());
        }
        return registrationToken(http.post(url("user-registration-tokens"), body, JsonNode.class).path("data"));
    }

    /** Sets both limits; a null clears that limit (MAS tells "no change" from "none" by the field being there). */
    public MasRegistrationToken updateRegistrationToken(String id, Integer usageLimit, Instant expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("usage_limit", usageLimit);
        body.put("expires_at", expiresAt == null ? null : expiresAt.toString());
        return registrationToken(http.put(url("user-registration-tokens", id), body, JsonNode.class).path("data"));
    }

    /** Revokes: nobody can sign up with it any more; MAS keeps it, marked revoked. */
    public MasRegistrationToken revokeRegistrationToken(String id) {
        return registrationToken(http.post(url("user-registration-tokens", id, "revoke"), Map.of(), JsonNode.class).path("data"));
    }

    private static MasRegistrationToken registrationToken(JsonNode node) {
        JsonNode a = node.path("attributes");
        JsonNode limit = a.path("usage_limit");
        return new MasRegistrationToken(node.path("id").asText(), a.path("token").asText(),
                limit.isNumber() ? limit.asInt() : null, a.path("times_used").asInt(0), instant(a, "expires_at"),
                instant(a, "revoked_at"));
    }

    private static <T> MasPage<T> page(JsonNode json, Function<JsonNode, T> item) {
        List<T> items = new ArrayList<>();
        String lastCursor = null;
        for (JsonNode node : json.path("data")) {
            items.add(item.apply(node));
            lastCursor = node.path("meta").path("page").path("cursor").asText(node.path("id").asText());
        }
        boolean more = json.path("links").hasNonNull("next");
        JsonNode count = json.path("meta").path("count");
        return new MasPage<>(List.copyOf(items), lastCursor, more, count.isNumber() ? count.asLong() : null);
    }

    static MasUser user(JsonNode node) {
        JsonNode a = node.path("attributes");
        return new MasUser(node.path("id").asText(), a.path("username").asText(), instant(a, "created_at"),
                instant(a, "locked_at"), instant(a, "deactivated_at"), a.path("admin").asBoolean(false),
                a.path("legacy_guest").asBoolean(false));
    }

    private static MasEmail email(JsonNode node) {
        JsonNode a = node.path("attributes");
        return new MasEmail(node.path("id").asText(), a.path("user_id").asText(), a.path("email").asText(), instant(a, "created_at"));
    }

    private static MasUpstreamLink link(JsonNode node) {
        JsonNode a = node.path("attributes");
        return new MasUpstreamLink(node.path("id").asText(), a.path("provider_id").asText(), a.path("subject").asText(),
                a.path("user_id").textValue(), a.path("human_account_name").textValue());
    }

    private static MasSession session(MasSession.Kind kind, JsonNode node) {
        JsonNode a = node.path("attributes");
        String device = a.path("device_id").textValue();
        if (device == null) {
            device = deviceInScope(a.path("scope").asText(""));
        }
        String name = a.path("human_name").textValue();
        if (name == null) {
            name = device != null ? device : a.path("user_agent").textValue();
        }
        return new MasSession(kind, node.path("id").asText(), device, name, a.path("user_agent").textValue(),
                instant(a, "created_at"), instant(a, "last_active_at"), a.path("last_active_ip").textValue(),
                instant(a, "finished_at"));
    }

    /**
     * An OAuth 2.0 session names its Matrix device only in its scope ({@code urn:matrix:client:device:<id>}, or
     * MSC2967's unstable name): the device Synapse and the person's app know it by.
     */
    static String deviceInScope(String scope) {
        for (String item : scope.split(" ")) {
            for (String prefix : List.of("urn:matrix:client:device:", "urn:matrix:org.matrix.msc2967.client:device:")) {
                if (item.startsWith(prefix) && item.length() > prefix.length()) {
                    return item.substring(prefix.length());
                }
            }
        }
        return null;
    }

    private static Instant instant(JsonNode attributes, String field) {
        String text = attributes.path(field).textValue();
        return text == null ? null : Instant.parse(text);
    }
}
