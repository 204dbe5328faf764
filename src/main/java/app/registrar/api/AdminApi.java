package app.registrar.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * Synapse's admin API for accounts, synchronous and thread-safe. Each method is one account task as an admin
 * thinks of it; where Synapse's endpoint has a trap (whole-list replacement, create-or-modify, seconds vs.
 * milliseconds), the method hides it.
 */
public final class AdminApi {

    /** Deactivating a big account (many rooms) can take minutes; never re-send it because a timer ran out. */
    static final Duration DEACTIVATION_TIMEOUT = Duration.ofMinutes(15);

    /** See {@link #firstByteTimeout(int)}. */
    static final Duration FIRST_BYTE_PER_ROW = Duration.ofNanos(400_000);

    private final HttpTransport http;

    public AdminApi(HttpTransport http) {
        this.http = http;
    }

    private HttpUrl admin(String version, String... segments) {
        String[] all = new String[segments.length + 3];
        all[0] = "_synapse";
        all[1] = "admin";
        all[2] = version;
        System.arraycopy(segments, 0, all, 3, segments.length);
        return http.url(all);
    }

    // ---- listing and finding -------------------------------------------------------------------------------

    /** One page of accounts. Uses v3 (which can list only deactivated ones) and falls back to v2 on older servers. */
    public UserPage listUsers(UserQuery query) {
        HttpUrl.Builder v3 = admin("v3", "users").newBuilder();
        query.applyTo(v3, true);
        try {
            return http.get(v3.build(), UserPage.class);
        } catch (MatrixApiException e) {
            if (e.category() != ErrorCategory.ENDPOINT_UNAVAILABLE || query.state() == UserQuery.AccountState.DEACTIVATED) {
                throw e;
            }
            HttpUrl.Builder v2 = admin("v2", "users").newBuilder();
            query.applyTo(v2, false);
            return http.get(v2.build(), UserPage.class);
        }
    }

    /**
     * One page of accounts like {@link #listUsers}, but each row goes to {@code sink} as soon as it is read from the
     * reply, so the page is never held whole: an export or a scan of a million accounts stays flat in memory.
     */
    public StreamedPage streamUsers(UserQuery query, UserRowSink sink) {
        HttpUrl.Builder v3 = admin("v3", "users").newBuilder();
        query.applyTo(v3, true);
        Duration firstByte = firstByteTimeout(query.limit());
        try {
            return http.getStreamed(v3.build(), parser -> UserListReader.read(parser, sink), firstByte);
        } catch (MatrixApiException e) {
            if (e.category() != ErrorCategory.ENDPOINT_UNAVAILABLE || query.state() == UserQuery.AccountState.DEACTIVATED) {
                throw e;
            }
            HttpUrl.Builder v2 = admin("v2", "users").newBuilder();
            query.applyTo(v2, false);
            return http.getStreamed(v2.build(), parser -> UserListReader.read(parser, sink), firstByte);
        }
    }

    /**
     * How long a streamed listing of {@code rows} may wait for its next byte: Synapse counts, sorts and encodes the
     * whole reply before the first byte (about 40 µs a row on a quiet two-core machine), so the wait grows with the
     * rows asked for, with ten times that margin for a busy server, and is never below
     * {@link HttpTransport#STREAM_READ_TIMEOUT}. A million rows may wait about 9 minutes.
     */
    static Duration firstByteTimeout(int rows) {
        return HttpTransport.STREAM_READ_TIMEOUT.plus(FIRST_BYTE_PER_ROW.multipliedBy(rows));
    }

    public UserDetails getUser(String userId) {
        return http.get(admin("v2", "users", userId), UserDetails.class);
    }

    /** The account, or empty when the server says it does not exist (404); any other failure is thrown. */
    public Optional<UserDetails> findUser(String userId) {
        try {
            return Optional.of(getUser(userId));
        } catch (MatrixApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Whether a localpart can be registered. False when it is taken; a {@link ErrorCategory#INVALID_INPUT}
     * exception when the server refuses the name itself (the exception carries the server's reason).
     */
    public boolean isUsernameAvailable(String localpart) {
        HttpUrl url = admin("v1", "username_available").newBuilder().addQueryParameter("username", localpart).build();
        try {
            return http.get(url, JsonNode.class).path("available").asBoolean(false);
        } catch (MatrixApiException e) {
            // M_USER_IN_USE means taken; M_EXCLUSIVE (reserved by a bridge) is thrown so callers can say so.
            if (e.category() == ErrorCategory.CONFLICT && e.errcode().filter("M_USER_IN_USE"::equals).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    /** The user ID that has this email address or phone number, if any. */
    public Optional<String> findUserByThreepid(String medium, String address) {
        return lookUp(admin("v1", "threepid", medium, "users", address));
    }

    /** The user ID linked to this single-sign-on identity, if any. */
    public Optional<String> findUserByExternalId(String authProvider, String externalId) {
        return lookUp(admin("v1", "auth_providers", authProvider, "users", externalId));
    }

    private Optional<String> lookUp(HttpUrl url) {
        try {
            return Optional.ofNullable(http.get(url, JsonNode.class).path("user_id").textValue());
        } catch (MatrixApiException e) {
            if (e.category() == ErrorCategory.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // ---- creating and changing ---------------------------------------------------------------------------

    /**
     * Creates an account. Synapse's PUT would silently modify an existing account, so this reads first and
     * only goes on when the server answers 404; otherwise it fails with {@link ErrorCategory#CONFLICT}.
     * {@code locked} and {@code deactivated} are ignored by Synapse on create, so they are applied afterwards.
     */
    public UserDetails createUser(String userId, UserUpdate fields) {
        if (findUser(userId).isPresent()) {
            throw MatrixApiException.local(ErrorCategory.CONFLICT, "an account with this user ID already exists");
        }
        Map<String, Object> body = new LinkedHashMap<>(fields.body());
        Object locked = body.remove("locked");
        Object deactivated = body.remove("deactivated");
        UserDetails created = WriteIntent.as("create",
                () -> http.put(admin("v2", "users", userId), body, UserDetails.class));
        if (Boolean.TRUE.equals(locked) || Boolean.TRUE.equals(deactivated)) {
            Map<String, Object> after = new LinkedHashMap<>();
            if (Boolean.TRUE.equals(deactivated)) {
                after.put("deactivated", true);
            } else {
                after.put("locked", true);
            }
            created = http.put(admin("v2", "users", userId), after, UserDetails.class);
        }
        return created;
    }

    /** Changes the fields that were set in {@code fields}; the others stay as they are. */
    public UserDetails modifyUser(String userId, UserUpdate fields) {
        if (fields.isEmpty()) {
            return getUser(userId);
        }
        return http.put(admin("v2", "users", userId), fields.body(), UserDetails.class);
    }

    /** Adds one email address, keeping every other email and phone number the account has. */
    public UserDetails addEmail(String userId, String address) {
        UserDetails current = getUser(userId);
        Threepid added = Threepid.email(address);
        if (current.threepids().stream().anyMatch(t -> t.sameAs(added))) {
            return current;
        }
        List<Threepid> all = new ArrayList<>(current.threepids());
        all.add(added);
        return modifyUser(userId, new UserUpdate().threepids(all));
    }

    /** Removes one email address, keeping the others. */
    public UserDetails removeEmail(String userId, String address) {
        UserDetails current = getUser(userId);
        Threepid removed = Threepid.email(address);
        List<Threepid> rest = current.threepids().stream().filter(t -> !t.sameAs(removed)).toList();
        if (rest.size() == current.threepids().size()) {
            return current;
        }
        return modifyUser(userId, new UserUpdate().threepids(rest));
    }

    /** Links one single-sign-on identity, keeping the others. */
    public UserDetails addExternalId(String userId, ExternalId id) {
        UserDetails current = getUser(userId);
        if (current.externalIds().contains(id)) {
            return current;
        }
        List<ExternalId> all = new ArrayList<>(current.externalIds());
        all.add(id);
        return modifyUser(userId, new UserUpdate().externalIds(all));
    }

    /** Unlinks one single-sign-on identity, keeping the others. */
    public UserDetails removeExternalId(String userId, ExternalId id) {
        UserDetails current = getUser(userId);
        List<ExternalId> rest = current.externalIds().stream().filter(e -> !e.equals(id)).toList();
        if (rest.size() == current.externalIds().size()) {
            return current;
        }
        return modifyUser(userId, new UserUpdate().externalIds(rest));
    }

    /** Sets a new password; {@code logoutDevices} signs the person out everywhere (Synapse's default). */
    public void resetPassword(String userId, String newPassword, boolean logoutDevices) {
        http.post(admin("v1", "reset_password", userId),
                Map.of("new_password", newPassword, "logout_devices", logoutDevices), Void.class);
    }

    /**
     * Deactivates an account; {@code erase} also removes its name and avatar and hides its messages from people
     * who join rooms later, which cannot be undone. Runs with a long timeout and is never retried here.
     *
     * @return whether the server could unbind the account's emails from identity servers
     */
    public boolean deactivate(String userId, boolean erase) {
        JsonNode reply = http.post(admin("v1", "deactivate", userId), Map.of("erase", erase), JsonNode.class,
                DEACTIVATION_TIMEOUT);
        return "success".equals(reply.path("id_server_unbind_result").asText());
    }

    /**
     * Reactivates a deactivated account. Servers that manage passwords need a new one; servers where people
     * sign in through SSO or LDAP refuse a password, so pass null there.
     */
    public UserDetails reactivate(String userId, String newPassword) {
        UserUpdate update = new UserUpdate().deactivated(false);
        if (newPassword != null) {
            update.password(newPassword);
        }
        return modifyUser(userId, update);
    }

    public UserDetails setLocked(String userId, boolean locked) {
        return modifyUser(userId, new UserUpdate().locked(locked));
    }

    public UserDetails setAdmin(String userId, boolean admin) {
        return modifyUser(userId, new UserUpdate().admin(admin));
    }

    /** {@code "bot"}, {@code "support"}, or null for an ordinary account. */
    public UserDetails setUserType(String userId, String userType) {
        return modifyUser(userId, new UserUpdate().userType(userType));
    }

    public void setSuspended(String userId, boolean suspended) {
        http.put(admin("v1", "suspend", userId), Map.of("suspend", suspended), Void.class);
    }

    public void setShadowBanned(String userId, boolean shadowBanned) {
        HttpUrl url = admin("v1", "users", userId, "shadow_ban");
        if (shadowBanned) {
            http.post(url, Map.of(), Void.class);
        } else {
            http.delete(url, Void.class);
        }
    }

    // ---- around an account ------------------------------------------------------------------------------

    public List<Device> devices(String userId) {
        record Devices(@JsonProperty("devices") List<Device> devices) { }
        Devices reply = http.get(admin("v2", "users", userId, "devices"), Devices.class);
        return reply.devices() == null ? List.of() : reply.devices();
    }

    public void deleteDevice(String userId, String deviceId) {
        http.delete(admin("v2", "users", userId, "devices", deviceId), Void.class);
    }

    public void deleteDevices(String userId, List<String> deviceIds) {
        http.post(admin("v2", "users", userId, "delete_devices"), Map.of("devices", deviceIds), Void.class);
    }

    /** The connections Synapse remembers for the account: device, IP address, when, and which client. */
    public List<Connection> whois(String userId) {
        JsonNode reply = http.get(admin("v1", "whois", userId), JsonNode.class);
        List<Connection> connections = new ArrayList<>();
        reply.path("devices").fields().forEachRemaining(device -> {
            for (JsonNode session : device.getValue().path("sessions")) {
                for (JsonNode connection : session.path("connections")) {
                    connections.add(new Connection(device.getKey().isEmpty() ? null : device.getKey(), connection.path("ip").textValue(),
                            Times.millis(connection.path("last_seen").isNumber() ? connection.path("last_seen").asLong() : null),
                            connection.path("user_agent").textValue()));
                }
            }
        });
        return connections;
    }

    public long joinedRoomCount(String userId) {
        return http.get(admin("v1", "users", userId, "joined_rooms"), JsonNode.class).path("total").asLong();
    }

    /**
     * What a deactivation would take away from {@code userId}: rooms (count and the names of the first
     * {@code roomNames}), devices, emails and uploaded media. Reads only.
     */
    public RemovalPreview removalPreview(String userId, int roomNames) {
        JsonNode rooms = http.get(admin("v1", "users", userId, "joined_rooms"), JsonNode.class);
        List<String> names = new ArrayList<>();
        for (JsonNode room : rooms.path("joined_rooms")) {
            if (names.size() >= roomNames) {
                break;
            }
            JsonNode details = http.get(admin("v1", "rooms", room.asText()), JsonNode.class);
            String name = details.path("name").asText("");
            if (name.isEmpty()) {
                name = details.path("canonical_alias").asText("");
            }
            names.add(name.isEmpty() ? room.asText() : name);
        }
        long roomCount = rooms.path("total").asLong(rooms.path("joined_rooms").size());
        UserDetails user = getUser(userId);
        int deviceCount = devices(userId).size();
        long mediaCount = 0;
        long mediaBytes = 0;
        // Pages of 500; the total comes with the first page, the sizes need every page.
        for (Integer from = 0; from != null; ) {
            HttpUrl url = admin("v1", "users", userId, "media").newBuilder()
                    .addQueryParameter("from", Integer.toString(from)).addQueryParameter("limit", "500").build();
            JsonNode page = http.get(url, JsonNode.class);
            for (JsonNode media : page.path("media")) {
                mediaCount++;
                mediaBytes += media.path("media_length").asLong(0);
            }
            from = page.hasNonNull("next_token") && page.path("media").size() > 0 ? page.path("next_token").asInt() : null;
        }
        List<String> emails = user.threepids().stream().filter(t -> "email".equals(t.medium())).map(Threepid::address).toList();
        return new RemovalPreview(roomCount, names, deviceCount, emails, mediaCount, mediaBytes);
    }

    /** Uploads a picture to the media repository and returns its {@code mxc://} URI. */
    public String uploadMedia(byte[] content, String contentType, String fileName) {
        HttpUrl url = http.url("_matrix", "media", "v3", "upload").newBuilder()
                .addQueryParameter("filename", fileName).build();
        JsonNode reply = http.postBytes(url, content, MediaType.get(contentType), JsonNode.class);
        String uri = reply.path("content_uri").textValue();
        if (uri == null || !uri.startsWith("mxc://")) {
            throw MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE, "the upload did not return a media address");
        }
        return uri;
    }

    /** A thumbnail of an {@code mxc://} picture, fetched with the access token (authenticated media). */
    public byte[] thumbnail(String mxcUri, int width, int height) {
        if (mxcUri == null || !mxcUri.startsWith("mxc://")) {
            throw MatrixApiException.local(ErrorCategory.INVALID_INPUT, "not a media address");
        }
        String[] parts = mxcUri.substring("mxc://".length()).split("/", 2);
        if (parts.length != 2) {
            throw MatrixApiException.local(ErrorCategory.INVALID_INPUT, "not a media address");
        }
        HttpUrl url = http.url("_matrix", "client", "v1", "media", "thumbnail", parts[0], parts[1]).newBuilder()
                .addQueryParameter("width", Integer.toString(width))
                .addQueryParameter("height", Integer.toString(height))
                .addQueryParameter("method", "crop")
                .build();
        return http.getBytes(url, 10L * 1024 * 1024);
    }

    // ---- registration tokens ----------------------------------------------------------------------------

    public List<RegistrationToken> registrationTokens() {
        record Tokens(@JsonProperty("registration_tokens") List<RegistrationToken> tokens) { }
        Tokens reply = http.get(admin("v1", "registration_tokens"), Tokens.class);
        return reply.tokens() == null ? List.of() : reply.tokens();
    }

    /**
     * Creates an invitation token. Null arguments are left out: the server then makes a random 16-character
     * token, allows unlimited uses, and never expires it.
     */
    public RegistrationToken createRegistrationToken(String token, Integer usesAllowed, Instant expiresAt, Integer length) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (token != null) {
            body.put("token", token);
        }
        if (usesAllowed != null) {
            body.put("uses_allowed", usesAllowed);
        }
        if (expiresAt != null) {
            body.put("expiry_time", expiresAt.toEpochMilli());
        }
        if (length != null) {
            body.put("length", length);
        }
        return http.post(admin("v1", "registration_tokens", "new"), body, RegistrationToken.class);
    }

    /** Changes a token's allowed uses and expiry; null removes the limit. */
    public RegistrationToken updateRegistrationToken(String token, Integer usesAllowed, Instant expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uses_allowed", usesAllowed);
        body.put("expiry_time", expiresAt == null ? null : expiresAt.toEpochMilli());
        return http.put(admin("v1", "registration_tokens", token), body, RegistrationToken.class);
    }

    public void deleteRegistrationToken(String token) {
        http.delete(admin("v1", "registration_tokens", token), Void.class);
    }
}
