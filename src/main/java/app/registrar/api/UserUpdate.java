package app.registrar.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code PUT /_synapse/admin/v2/users/<id>} with explicit field presence: a field that was never set
 * is left out, so the server keeps its value; {@link #removeDisplayName()} and {@link #removeAvatar()} send
 * {@code ""}, which deletes it. Lists ({@code threepids}, {@code external_ids}) replace the whole list on the
 * server, so {@link AdminApi} builds them from the current state rather than letting callers send them raw.
 */
public final class UserUpdate {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public UserUpdate displayName(String value) {
        fields.put("displayname", value == null ? "" : value);
        return this;
    }

    public UserUpdate removeDisplayName() {
        fields.put("displayname", "");
        return this;
    }

    public UserUpdate avatarUrl(String mxcUri) {
        fields.put("avatar_url", mxcUri == null ? "" : mxcUri);
        return this;
    }

    public UserUpdate removeAvatar() {
        fields.put("avatar_url", "");
        return this;
    }

    /** A new password; the server logs the person out of every device unless {@link #logoutDevices(boolean)} says not to. */
    public UserUpdate password(String value) {
        fields.put("password", value);
        return this;
    }

    public UserUpdate logoutDevices(boolean value) {
        fields.put("logout_devices", value);
        return this;
    }

    public UserUpdate admin(boolean value) {
        fields.put("admin", value);
        return this;
    }

    /** {@code "bot"}, {@code "support"}, or null for an ordinary account. */
    public UserUpdate userType(String value) {
        fields.put("user_type", value);
        return this;
    }

    public UserUpdate locked(boolean value) {
        fields.put("locked", value);
        return this;
    }

    public UserUpdate deactivated(boolean value) {
        fields.put("deactivated", value);
        return this;
    }

    /** The complete list of emails and phone numbers the account will have. */
    public UserUpdate threepids(List<Threepid> all) {
        List<Map<String, String>> list = new ArrayList<>();
        for (Threepid threepid : all) {
            list.add(Map.of("medium", threepid.medium(), "address", threepid.address()));
        }
        fields.put("threepids", list);
        return this;
    }

    /** The complete list of single-sign-on identities the account will have. */
    public UserUpdate externalIds(List<ExternalId> all) {
        fields.put("external_ids", List.copyOf(all));
        return this;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The value set for {@code field} (as sent: strings, booleans, lists of maps), or null when not set. */
    public Object value(String field) {
        return fields.get(field);
    }

    /** A copy without the given fields: what is left for another server to apply. */
    public UserUpdate without(String... names) {
        UserUpdate rest = new UserUpdate();
        rest.fields.putAll(fields);
        for (String name : names) {
            rest.fields.remove(name);
        }
        return rest;
    }

    /** The JSON body to send. */
    Map<String, Object> body() {
        return Collections.unmodifiableMap(fields);
    }

    /** Names the fields that will be sent, never their values: a password must not reach a log. */
    @Override
    public String toString() {
        Set<String> names = fields.keySet();
        return "UserUpdate" + names;
    }
}
