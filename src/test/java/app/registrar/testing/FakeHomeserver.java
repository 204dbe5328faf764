package app.registrar.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A homeserver played by MockWebServer for faults the real Synapse will not produce: it answers discovery,
 * password sign-in and the admin check as Synapse does, any answer can be replaced by path, and every request is
 * kept, in order, so a test can check what was sent where.
 */
public final class FakeHomeserver extends Dispatcher {

    public static final String ADMIN = "@admin:example.test";
    public static final String TOKEN = "syt_ZmFrZQ_fakeFakeFakeFake_1a2b3c";

    public final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, MockResponse> overrides = new ConcurrentHashMap<>();
    private final String prefix;

    public FakeHomeserver() {
        this("");
    }

    /** A homeserver under a path prefix such as {@code /matrix}, as behind some reverse proxies. */
    public FakeHomeserver(String prefix) {
        this.prefix = prefix;
    }

    /** Answers {@code path} (or {@code "POST /path"} for one method only) with {@code response} from now on. */
    public FakeHomeserver answer(String path, MockResponse response) {
        overrides.put(path, response);
        return this;
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    public static MockResponse html(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/html").body(body).build();
    }

    public static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder().code(code).addHeader("Location", location).build();
    }

    /** The paths requested, in order. */
    public List<String> paths() {
        return requests.stream().map(r -> r.getUrl().encodedPath()).toList();
    }

    /** True when any request carried {@code secret} in a header, its URL or its body. */
    public boolean anyRequestCarries(String secret) {
        return requests.stream().anyMatch(r -> carries(r, secret));
    }

    /** True when a request sent before the first {@code /_matrix/client/versions} carried a credential. */
    public boolean credentialsSentBeforeVersions(String... secrets) {
        for (RecordedRequest request : requests) {
            if (request.getUrl().encodedPath().endsWith("/_matrix/client/versions")) {
                return false;
            }
            if (request.getHeaders().get("Authorization") != null) {
                return true;
            }
            for (String secret : secrets) {
                if (carries(request, secret)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean carries(RecordedRequest request, String secret) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        return request.getHeaders().toString().contains(secret) || request.getUrl().toString().contains(secret)
                || body.contains(secret);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        String path = request.getUrl().encodedPath();
        MockResponse override = overrides.get(request.getMethod() + " " + path);
        if (override == null) {
            override = overrides.get(path);
        }
        if (override != null) {
            return override;
        }
        if (!path.startsWith(prefix + "/")) {
            return json(404, "{\"errcode\":\"M_UNRECOGNIZED\",\"error\":\"Unrecognized request\"}");
        }
        String api = path.substring(prefix.length());
        boolean post = "POST".equals(request.getMethod());
        if (api.equals("/_matrix/client/versions")) {
            return json(200, "{\"versions\":[\"v1.11\",\"v1.12\"],\"unstable_features\":{}}");
        }
        if (api.equals("/_synapse/admin/v1/server_version")) {
            return json(200, "{\"server_version\":\"1.163.2\"}");
        }
        if (api.equals("/_matrix/client/v3/login")) {
            return post
                    ? json(200, "{\"user_id\":\"" + ADMIN + "\",\"access_token\":\"" + TOKEN + "\",\"device_id\":\"FAKEDEVICE\"}")
                    : json(200, "{\"flows\":[{\"type\":\"m.login.password\"}]}");
        }
        if (api.equals("/_matrix/client/v3/password_policy")) {
            return json(200, "{}");
        }
        if (api.equals("/_matrix/client/v3/account/whoami")) {
            return json(200, "{\"user_id\":\"" + ADMIN + "\",\"device_id\":\"FAKEDEVICE\"}");
        }
        if (api.startsWith("/_synapse/admin/v2/users/")) {
            return json(200, "{\"name\":\"" + ADMIN + "\",\"admin\":true,\"deactivated\":false}");
        }
        if (api.equals("/_matrix/client/v3/logout")) {
            return json(200, "{}");
        }
        return json(404, "{\"errcode\":\"M_UNRECOGNIZED\",\"error\":\"Unrecognized request\"}");
    }
}
