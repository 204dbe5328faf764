package app.registrar.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Naming requests and reading logs, without a server: the fast loop beside the real-server tests. */
class AuditClassifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AuditClassifier.Classified classify(String method, String path, String body, String intent) throws Exception {
        JsonNode tree = body == null ? null : JSON.readTree(body);
        return AuditClassifier.classify(method, List.of(path.substring(1).split("/")), tree, intent);
    }

    @Test
    void anEditNamesTheChangedFieldsButNeverTheirValues() throws Exception {
        var edit = classify("PUT", "/_synapse/admin/v2/users/@a:x", "{\"displayname\":\"Secret Name\",\"password\":\"Hidden-Pass-1!\"}", null);

        assertThat(edit).isEqualTo(new AuditClassifier.Classified("edit", "@a:x", "fields: displayname, password"));
    }

    @Test
    void flagsBecomeTheirActions() throws Exception {
        assertThat(classify("PUT", "/_synapse/admin/v2/users/@a:x", "{\"locked\":true}", null).action()).isEqualTo("lock");
        assertThat(classify("PUT", "/_synapse/admin/v2/users/@a:x", "{\"admin\":false}", null).action()).isEqualTo("revoke-admin");
        assertThat(classify("PUT", "/_synapse/admin/v2/users/@a:x", "{\"deactivated\":false,\"password\":\"p\"}", null))
                .isEqualTo(new AuditClassifier.Classified("reactivate", "@a:x", "with a new password"));
        assertThat(classify("PUT", "/_synapse/admin/v2/users/@a:x", "{\"password\":\"p\"}", "create").action()).isEqualTo("create");
        assertThat(classify("POST", "/_synapse/admin/v1/deactivate/@a:x", "{\"erase\":true}", null).action()).isEqualTo("erase");
        assertThat(classify("PUT", "/_synapse/admin/v1/suspend/@a:x", "{\"suspend\":false}", null).action()).isEqualTo("unsuspend");
        assertThat(classify("POST", "/_synapse/admin/v1/user/@a:x/redact", "{\"rooms\":[]}", null).action()).isEqualTo("redact-messages");
        assertThat(classify("POST", "/_synapse/admin/v1/users/@a:x/_allow_cross_signing_replacement_without_uia", "{}", null).action())
                .isEqualTo("allow-cross-signing-reset");
    }

    @Test
    void anInvitationIsNamedByAFingerprintNeverByItsToken() throws Exception {
        var deleted = classify("DELETE", "/_synapse/admin/v1/registration_tokens/abcdSECRETtoken", null, null);

        assertThat(deleted.action()).isEqualTo("delete-invite");
        assertThat(deleted.details()).doesNotContain("SECRET").startsWith("invite #").hasSize("invite #".length() + 8);
        assertThat(classify("POST", "/_synapse/admin/v1/registration_tokens/new", "{\"token\":\"mine\",\"uses_allowed\":2}", null).details())
                .isEqualTo("fields: uses_allowed");
    }

    @Test
    void masAdminWritesAreNamedForTheAccountTheStoreSaidTheyAreFor() throws Exception {
        String id = "01J0000000000000000000USER";
        assertThat(classify("POST", "/api/admin/v1/users", "{\"username\":\"a\"}", "@a:x"))
                .isEqualTo(new AuditClassifier.Classified("create", "@a:x", ""));
        assertThat(classify("POST", "/api/admin/v1/users/" + id + "/set-password", "{\"password\":\"Hidden-Pass-1!\"}", "@a:x"))
                .isEqualTo(new AuditClassifier.Classified("reset-password", "@a:x", ""));
        assertThat(classify("POST", "/api/admin/v1/users/" + id + "/lock", null, "@a:x").action()).isEqualTo("lock");
        assertThat(classify("POST", "/api/admin/v1/users/" + id + "/unlock", null, "@a:x").action()).isEqualTo("unlock");
        assertThat(classify("POST", "/api/admin/v1/users/" + id + "/deactivate", "{\"skip_erase\":true}", "@a:x").action())
                .isEqualTo("deactivate");
        assertThat(classify("POST", "/api/admin/v1/users/" + id + "/deactivate", "{\"skip_erase\":false}", "@a:x").action())
                .isEqualTo("erase");
        assertThat(classify("POST", "/api/admin/v1/users/" + id + "/reactivate", "{}", "@a:x").action()).isEqualTo("reactivate");
        assertThat(classify("POST", "/api/admin/v1/users/" + id + "/set-admin", "{\"admin\":true}", "@a:x").action())
                .isEqualTo("grant-admin");
        assertThat(classify("POST", "/api/admin/v1/user-emails", "{\"user_id\":\"" + id + "\",\"email\":\"secret@example.org\"}", "@a:x"))
                .isEqualTo(new AuditClassifier.Classified("edit", "@a:x", "email added"));
        assertThat(classify("DELETE", "/api/admin/v1/upstream-oauth-links/01J0000000000000000000LINK", null, "@a:x"))
                .isEqualTo(new AuditClassifier.Classified("edit", "@a:x", "single sign-on identity removed"));
        assertThat(classify("POST", "/api/admin/v1/compat-sessions/01J0000000000000000000SESS/finish", null, "@a:x"))
                .isEqualTo(new AuditClassifier.Classified("sign-out-device", "@a:x", "compat session 01J0000000000000000000SESS"));
        // A write the classifier does not know keeps its account, and a write without one says nobody's.
        assertThat(classify("POST", "/api/admin/v1/users/" + id + "/something-new", "{}", "@a:x"))
                .isEqualTo(new AuditClassifier.Classified("other", "@a:x", "POST /api/admin/v1/users/" + id + "/something-new"));
        assertThat(classify("POST", "/api/admin/v1/users/" + id + "/lock", null, null).target()).isEmpty();
    }

    @Test
    void anUnknownWriteIsStillRecordedAndRegistrarsOwnSignOutIsNot() throws Exception {
        assertThat(classify("POST", "/_synapse/admin/v1/some_new_endpoint/@a:x", "{}", null))
                .isEqualTo(new AuditClassifier.Classified("other", "@a:x", "POST /_synapse/admin/v1/some_new_endpoint/@a:x"));
        assertThat(classify("POST", "/_matrix/client/v3/logout", "{}", null)).isNull();
    }

    @Test
    void aLineCutByACrashIsSkippedAndASentLineWithoutOutcomeReadsAsUnconfirmed(@TempDir Path folder) throws Exception {
        AuditLog log = AuditTrail.in(folder).logFor("https://matrix.example.org/").orElseThrow();
        AuditEntry first = log.begin("one", "@admin:x", "lock", "@a:x", "");
        log.complete(first, AuditEntry.Outcome.DONE, null);
        log.begin("two", "@admin:x", "erase", "@b:x", "");
        Files.writeString(log.file(), "{\"id\":\"three\",\"sent\":\"2026-", StandardOpenOption.APPEND);

        List<AuditEntry> entries = log.read();

        assertThat(log.file().getFileName().toString()).isEqualTo("matrix.example.org.jsonl");
        assertThat(entries).extracting(AuditEntry::id).containsExactly("two", "one");
        assertThat(entries.get(0).outcome()).isEqualTo(AuditEntry.Outcome.UNCONFIRMED);
        assertThat(entries.get(0).open()).isTrue();
        assertThat(entries.get(1).outcome()).isEqualTo(AuditEntry.Outcome.DONE);
    }

    @Test
    void theEncryptionKeyQueryIsAReadAndNotRecorded() throws Exception {
        assertThat(classify("POST", "/_matrix/client/v3/keys/query", "{\"device_keys\":{\"@a:x\":[]}}", null)).isNull();
        assertThat(classify("POST", "/_matrix/client/v3/keys/upload", "{}", null)).isNotNull();
    }
}
