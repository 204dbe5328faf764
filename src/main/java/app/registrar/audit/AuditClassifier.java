package app.registrar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Names a change request as an admin thinks of it (action, account, details) from its method, path and body.
 * Reads field names and true/false flags only: a body's texts (passwords, emails, names) never reach the log, and
 * an invitation token in a path is replaced by a short fingerprint. A write it does not know is still recorded,
 * as {@code other} with its method and path, so nothing goes unrecorded because it is new.
 */
public final class AuditClassifier {

    /** What the log says about one request. */
    public record Classified(String action, String target, String details) { }

    private static final Set<String> CLIENT_WRITES_NOT_AUDITED = Set.of("logout");

    private AuditClassifier() {
    }

    /** The request as an audit entry, or null for writes that change nobody's account (Registrar's own sign-out). */
    public static Classified classify(String method, List<String> path, JsonNode body, String intent) {
        if (path.size() >= 3 && path.get(0).equals("_synapse") && path.get(1).equals("admin")) {
            Classified known = admin(method, path.subList(3, path.size()), body == null ? missing() : body, intent);
            return known != null ? known : other(method, path);
        }
        if (path.size() >= 3 && path.get(0).equals("api") && path.get(1).equals("admin")) {
            String account = intent != null && intent.startsWith("@") ? intent : "";
            Classified known = mas(method, path.subList(3, path.size()), body == null ? missing() : body, account);
            return known != null ? known : other(method, path, account);
        }
        if (path.size() >= 3 && path.get(0).equals("_matrix") && path.get(1).equals("client")
                && CLIENT_WRITES_NOT_AUDITED.contains(path.get(path.size() - 1))) {
            return null;
        }
        // The end-to-end key query is a read that the spec sends as POST; the account panel asks it for every
        // account it shows, which would bury the real changes.
        if (path.size() >= 3 && path.get(0).equals("_matrix") && path.get(1).equals("client")
                && path.get(path.size() - 2).equals("keys") && path.get(path.size() - 1).equals("query")) {
            return null;
        }
        if (path.size() >= 3 && path.get(0).equals("_matrix") && path.get(1).equals("media")
                && path.get(path.size() - 1).equals("upload")) {
            return new Classified("upload-media", "", "");
        }
        return other(method, path);
    }

    private static Classified admin(String method, List<String> rest, JsonNode body, String intent) {
        String head = rest.isEmpty() ? "" : rest.get(0);
        String user = rest.size() > 1 ? rest.get(1) : "";
        String last = rest.isEmpty() ? "" : rest.get(rest.size() - 1);
        switch (head) {
            case "users" -> {
                if (rest.size() == 2 && method.equals("PUT")) {
                    return userUpdate(user, body, intent);
                }
                if (rest.size() == 3 && last.equals("shadow_ban")) {
                    return new Classified(method.equals("DELETE") ? "unshadow-ban" : "shadow-ban", user, "");
                }
                if (rest.size() == 4 && rest.get(2).equals("devices") && method.equals("DELETE")) {
                    return new Classified("sign-out-device", user, "device " + rest.get(3));
                }
                if (rest.size() == 3 && last.equals("delete_devices")) {
                    return new Classified("sign-out-devices", user, body.path("devices").size() + " devices");
                }
                if (rest.size() == 3 && last.equals("media") && method.equals("DELETE")) {
                    return new Classified("delete-media", user, "");
                }
                if (rest.size() == 3 && last.contains("cross_signing")) {
                    return new Classified("allow-cross-signing-reset", user, "");
                }
                if (rest.size() == 3 && last.equals("login")) {
                    return new Classified("sign-in-as", user, "");
                }
            }
            case "reset_password" -> {
                return new Classified("reset-password", user,
                        "sign out devices: " + body.path("logout_devices").asBoolean(true));
            }
            case "deactivate" -> {
                return new Classified(body.path("erase").asBoolean(false) ? "erase" : "deactivate", user, "");
            }
            case "suspend" -> {
                return new Classified(body.path("suspend").asBoolean(false) ? "suspend" : "unsuspend", user, "");
            }
            case "user" -> {
                if (rest.size() == 3 && last.equals("redact")) {
                    return new Classified("redact-messages", user, body.path("rooms").size() == 0
                            ? "all rooms" : body.path("rooms").size() + " rooms");
                }
            }
            case "registration_tokens" -> {
                if (user.equals("new")) {
                    return new Classified("create-invite", "", fieldNames(body, Set.of("token")));
                }
                String which = "invite " + fingerprint(user);
                return new Classified(method.equals("DELETE") ? "delete-invite" : "change-invite", "", which);
            }
            case "send_server_notice" -> {
                return new Classified("server-notice", body.path("user_id").asText(""), "");
            }
            default -> {
                // an admin endpoint this class does not know yet: recorded as "other" below
            }
        }
        return null;
    }

    /**
     * MAS's admin API ({@code /api/admin/v1/…}): its paths name MAS's own IDs, so the account is the Matrix user ID
     * the account store said the write is for. Emails and identities are changes of the account ("edit"), named
     * without their values.
     */
    private static Classified mas(String method, List<String> rest, JsonNode body, String account) {
        String head = rest.isEmpty() ? "" : rest.get(0);
        String last = rest.isEmpty() ? "" : rest.get(rest.size() - 1);
        boolean adding = method.equals("POST") && rest.size() == 1;
        boolean removing = method.equals("DELETE") && rest.size() == 2;
        switch (head) {
            case "users" -> {
                if (adding) {
                    return new Classified("create", account, "");
                }
                if (rest.size() != 3 || !method.equals("POST")) {
                    return null;
                }
                return switch (last) {
                    case "set-password" -> new Classified("reset-password", account, "");
                    case "lock" -> new Classified("lock", account, "");
                    case "unlock" -> new Classified("unlock", account, "");
                    case "deactivate" -> new Classified(body.path("skip_erase").asBoolean(false) ? "deactivate" : "erase", account, "");
                    case "reactivate" -> new Classified("reactivate", account, "");
                    case "set-admin" -> new Classified(body.path("admin").asBoolean(false) ? "grant-admin" : "revoke-admin",
                            account, "may request admin in MAS");
                    default -> null;
                };
            }
            case "user-emails" -> {
                return adding ? new Classified("edit", account, "email added") : removing ? new Classified("edit", account, "email removed") : null;
            }
            case "upstream-oauth-links" -> {
                return adding ? new Classified("edit", account, "single sign-on identity added")
                        : removing ? new Classified("edit", account, "single sign-on identity removed") : null;
            }
            case "compat-sessions", "oauth2-sessions", "user-sessions" -> {
                return rest.size() == 3 && last.equals("finish")
                        ? new Classified("sign-out-device", account, head.replace("-sessions", "") + " session " + rest.get(1)) : null;
            }
            case "user-registration-tokens" -> {
                if (adding) {
                    return new Classified("create-invite", "", fieldNames(body, Set.of("token")));
                }
                String which = rest.size() > 1 ? "invite " + fingerprint(rest.get(1)) : "";
                return new Classified(last.equals("revoke") ? "delete-invite" : "change-invite", "", which);
            }
            default -> {
                return null;
            }
        }
    }

    private static Classified userUpdate(String user, JsonNode body, String intent) {
        if ("create".equals(intent)) {
            return new Classified("create", user, fieldNames(body, Set.of()));
        }
        Set<String> keys = keys(body);
        if (body.has("deactivated")) {
            boolean deactivate = body.path("deactivated").asBoolean(false);
            return new Classified(deactivate ? "deactivate" : "reactivate", user,
                    !deactivate && keys.contains("password") ? "with a new password" : "");
        }
        if (keys.equals(Set.of("locked"))) {
            return new Classified(body.path("locked").asBoolean(false) ? "lock" : "unlock", user, "");
        }
        if (keys.equals(Set.of("admin"))) {
            return new Classified(body.path("admin").asBoolean(false) ? "grant-admin" : "revoke-admin", user, "");
        }
        return new Classified("edit", user, fieldNames(body, Set.of()));
    }

    private static Classified other(String method, List<String> path) {
        return other(method, path, path.stream().filter(s -> s.startsWith("@")).findFirst().orElse(""));
    }

    private static Classified other(String method, List<String> path, String target) {
        List<String> safe = path.stream().map(s -> s.length() > 80 ? s.substring(0, 80) + "…" : s).toList();
        return new Classified("other", target, method + " /" + String.join("/", safe));
    }

    /** "fields: a, b" in the body's order, without {@code hidden}; only names, never values. */
    private static String fieldNames(JsonNode body, Set<String> hidden) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!hidden.contains(name)) {
                names.add(name);
            }
        });
        return names.isEmpty() ? "" : "fields: " + String.join(", ", names);
    }

    private static Set<String> keys(JsonNode body) {
        Set<String> keys = new HashSet<>();
        body.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The first 8 hex digits of the token's SHA-256: tells invitations apart without storing one. */
    static String fingerprint(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode missing() {
        return MissingNode.getInstance();
    }
}
