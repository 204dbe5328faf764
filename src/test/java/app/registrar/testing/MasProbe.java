package app.registrar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks outcomes on the real MAS stack independently of Registrar: plain HTTP (the JDK's client) to MAS's admin API
 * with the test stack's admin client, and to Synapse's admin API with a personal token MAS issues for the admin.
 * Also sets up accounts for tests the same independent way.
 */
public final class MasProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestMas mas;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String synapseToken;
    private final String fixedToken;

    public MasProbe(TestMas mas) {
        this(mas, null);
    }

    private MasProbe(TestMas mas, String fixedToken) {
        this.mas = mas;
        this.fixedToken = fixedToken;
    }

    /** The same checks with a token of the test's choosing (Registrar's), for MAS and Synapse alike. */
    public MasProbe withToken(String token) {
        return new MasProbe(mas, token);
    }

    /** The status and JSON body of a call. */
    public record Reply(int status, JsonNode body) {
    }

    public String masAdminToken() {
        String basic = Base64.getEncoder().encodeToString((mas.adminClientId() + ":" + mas.adminClientSecret())
                .getBytes(StandardCharsets.UTF_8));
        Reply reply = send(HttpRequest.newBuilder(URI.create(mas.masUrl().resolve("oauth2/token").toString()))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode("urn:mas:admin", StandardCharsets.UTF_8))).build());
        return reply.body().path("access_token").asText();
    }

    public Reply mas(String method, String path, Object body) {
        return send(request(mas.masUrl().toString() + "api/admin/v1/" + path, fixedToken != null ? fixedToken : masAdminToken(),
                method, body));
    }

    public Reply synapse(String method, String path, Object body) {
        return send(request(mas.synapseUrl().toString() + path, fixedToken != null ? fixedToken : synapseToken(), method, body));
    }

    /** MAS's view of an account ({@code data} of {@code users/by-username}), or empty. */
    public Optional<JsonNode> masUser(String localpart) {
        Reply reply = mas("GET", "users/by-username/" + localpart, null);
        return reply.status() == 200 ? Optional.of(reply.body().path("data")) : Optional.empty();
    }

    public String masUserId(String localpart) {
        return masUser(localpart).orElseThrow(() -> new AssertionError("MAS has no account " + localpart)).path("id").asText();
    }

    /** Creates an account in MAS with a password, as the server admin's own tools would. */
    public String createAccount(String localpart, String password) {
        Reply created = mas("POST", "users", Map.of("username", localpart));
        if (created.status() != 201) {
            throw new AssertionError("could not create " + localpart + ": " + created);
        }
        String id = created.body().path("data").path("id").asText();
        if (password != null) {
            Reply set = mas("POST", "users/" + id + "/set-password", Map.of("password", password, "skip_password_check", true));
            if (set.status() != 204) {
                throw new AssertionError("could not set the password of " + localpart + ": " + set);
            }
        }
        return id;
    }

    /** Synapse's admin view of a Matrix user ({@code GET /_synapse/admin/v2/users/<id>}). */
    public JsonNode synapseUser(String userId) {
        Reply reply = synapse("GET", "_synapse/admin/v2/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8), null);
        if (reply.status() != 200) {
            throw new AssertionError("Synapse answered " + reply);
        }
        return reply.body();
    }

    /** Waits (up to 30 s) until Synapse's view of the user satisfies {@code condition}: MAS tells Synapse in a background job. */
    public JsonNode awaitSynapseUser(String userId, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Reply reply = synapse("GET", "_synapse/admin/v2/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8), null);
            if (reply.status() == 200) {
                last = reply.body();
                if (condition.test(last)) {
                    return last;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Synapse never showed the expected state of " + userId + "; last: " + last);
    }

    /** A password login through MAS's compatibility endpoint, as Element would: the status it answers. */
    public int passwordLoginStatus(String localpart, String password) {
        Map<String, Object> body = Map.of("type", "m.login.password",
                "identifier", Map.of("type", "m.id.user", "user", localpart), "password", password);
        return send(request(mas.masUrl().toString() + "_matrix/client/v3/login", null, "POST", body)).status();
    }

    /** Signs in with a password through MAS's compatibility endpoint and answers the access token. */
    public String passwordLogin(String localpart, String password) {
        Map<String, Object> body = Map.of("type", "m.login.password",
                "identifier", Map.of("type", "m.id.user", "user", localpart), "password", password);
        Reply reply = send(request(mas.masUrl().toString() + "_matrix/client/v3/login", null, "POST", body));
        if (reply.status() != 200) {
            throw new AssertionError("password login failed: " + reply.status());
        }
        return reply.body().path("access_token").asText();
    }

    /** The Matrix device a token signs in as, from Synapse's {@code whoami}. */
    public String whoamiDevice(String token) {
        Reply reply = send(request(mas.synapseUrl().toString() + "_matrix/client/v3/account/whoami", token, "GET", null));
        if (reply.status() != 200) {
            throw new AssertionError("whoami answered " + reply.status());
        }
        return reply.body().path("device_id").asText();
    }

    /** What Synapse answers to {@code whoami} with this token: 200 while the session lives, 401 once ended. */
    public int whoamiStatus(String token) {
        return send(request(mas.synapseUrl().toString() + "_matrix/client/v3/account/whoami", token, "GET", null)).status();
    }

    /**
     * Waits (up to 30 s) until Synapse refuses {@code token}: a session MAS finished stops working on Synapse once
     * MAS's background job has deleted its device there (Synapse caches a token it checked for up to 2 minutes,
     * but drops it when its device is gone). Answers the last status seen.
     */
    public int awaitSignedOut(String token) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = whoamiStatus(token);
        while (status != 401 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            status = whoamiStatus(token);
        }
        return status;
    }

    private synchronized String synapseToken() {
        if (synapseToken == null) {
            String adminId = masUserId(mas.adminLocalpart());
            Reply reply = mas("POST", "personal-sessions", Map.of("actor_user_id", adminId, "human_name", "Registrar test probe",
                    "scope", "urn:matrix:client:api:* urn:synapse:admin:*", "expires_in", 3600));
            if (reply.status() != 201) {
                throw new AssertionError("MAS would not issue the probe's Synapse token: " + reply);
            }
            synapseToken = reply.body().path("data").path("attributes").path("access_token").asText();
        }
        return synapseToken;
    }

    private static HttpRequest request(String url, String token, String method, Object body) {
        // MAS's filters are named filter[...] and page[...]: brackets must be escaped in a URI.
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url.replace("[", "%5B").replace("]", "%5D")))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            if (body != null) {
                builder.header("Content-Type", "application/json");
            }
            return builder.method(method, publisher).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? JSON.createObjectNode() : parse(text);
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException("could not reach " + request.uri().getPath() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode().put("text", text.length() > 200 ? text.substring(0, 200) : text);
        }
    }
}
