package app.registrar.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends requests to one homeserver and turns every answer into a value or a {@link MatrixApiException}.
 * Thread-safe. Writes never follow redirects; reads may. Every call is registered with the worker thread's
 * {@link Cancellation}, and nothing it logs or throws contains the access token.
 */
public final class HttpTransport {

    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    static final Duration STREAM_READ_TIMEOUT = Duration.ofSeconds(120);
    private static final System.Logger LOG = System.getLogger("app.registrar.http");

    /** One connection pool and dispatcher for the whole app; per-call settings come from {@code newBuilder()}. */
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .writeTimeout(Duration.ofSeconds(30))
            .callTimeout(DEFAULT_CALL_TIMEOUT)
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false)
            .build();

    private final OkHttpClient writes;
    private final OkHttpClient reads;
    private final HttpUrl baseUrl;
    private final ApiSession session;
    private volatile WriteObserver writeObserver = WriteObserver.NONE;

    /** A transport on {@link Network#standard()}: system trust stores, the app's pinned certificates. */
    public HttpTransport(HttpUrl baseUrl) {
        this(baseUrl, Network.standard());
    }

    public HttpTransport(HttpUrl baseUrl, Network network) {
        this(baseUrl, network.client());
    }

    /** A transport whose calls carry {@code session}'s token, shared with the {@link AuthApi} that fills it. */
    public HttpTransport(HttpUrl baseUrl, Network network, ApiSession session) {
        this(baseUrl, network.client(), session);
    }

    /** The shared client every {@link Network} adds its trust and proxy sign-in to. */
    static OkHttpClient sharedBase() {
        return SHARED;
    }

    /** For tests that need other timeouts; production code uses the shared client. */
    public HttpTransport(HttpUrl baseUrl, OkHttpClient client) {
        this(baseUrl, client, new ApiSession());
    }

    public HttpTransport(HttpUrl baseUrl, OkHttpClient client, ApiSession session) {
        this.baseUrl = ServerAddress.requireAllowed(Objects.requireNonNull(baseUrl));
        this.writes = client.newBuilder().followRedirects(false).followSslRedirects(false).build();
        this.reads = client.newBuilder().followRedirects(true).followSslRedirects(false).build();
        this.session = Objects.requireNonNull(session);
    }

    private HttpTransport(HttpTransport original) {
        this.baseUrl = original.baseUrl;
        this.writes = original.writes;
        this.reads = original.reads;
        this.session = original.session;
    }

    /**
     * A transport to the same server with the same session but no write observer: for the audit trail's own
     * messages to its room, which must not be audited themselves.
     */
    public HttpTransport unobserved() {
        return new HttpTransport(this);
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** Whose token every signed-in call carries. */
    public ApiSession session() {
        return session;
    }

    /** Who sees every signed-in change request before it is sent (the audit trail); {@link WriteObserver#NONE} for none. */
    public void setWriteObserver(WriteObserver observer) {
        this.writeObserver = observer == null ? WriteObserver.NONE : observer;
    }

    /** A URL under the base with each segment percent-encoded as one path segment. */
    public HttpUrl url(String... segments) {
        HttpUrl.Builder builder = baseUrl.newBuilder();
        for (String segment : segments) {
            builder.addEncodedPathSegment(PathSegments.encode(segment));
        }
        return builder.build();
    }

    public <T> T get(HttpUrl url, Class<T> type) {
        return execute(new Request.Builder().url(url).get(), type, null, true);
    }

    public <T> T get(HttpUrl url, TypeReference<T> type) {
        return convert(execute(new Request.Builder().url(url).get(), JsonNode.class, null, true), type);
    }

    /** A GET without the access token: discovery and public endpoints send no credentials. */
    public <T> T getPublic(HttpUrl url, Class<T> type) {
        return execute(new Request.Builder().url(url).get(), type, null, false);
    }

    public <T> T post(HttpUrl url, Object body, Class<T> type) {
        return execute(new Request.Builder().url(url).post(jsonBody(body)), body, type, null, true);
    }

    public <T> T post(HttpUrl url, Object body, Class<T> type, Duration callTimeout) {
        return execute(new Request.Builder().url(url).post(jsonBody(body)), body, type, callTimeout, true);
    }

    public <T> T postPublic(HttpUrl url, Object body, Class<T> type) {
        return execute(new Request.Builder().url(url).post(jsonBody(body)), type, null, false);
    }

    /**
     * An OAuth 2.0 style form POST ({@code application/x-www-form-urlencoded}) without the bearer token, optionally
     * with HTTP Basic client credentials ({@code clientId}, {@code clientSecret}), as token endpoints expect.
     */
    public <T> T postForm(HttpUrl url, Map<String, String> form, String clientId, String clientSecret, Class<T> type) {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        Request.Builder builder = new Request.Builder().url(url).post(body.build());
        if (clientId != null && clientSecret != null) {
            builder.header("Authorization", Credentials.basic(clientId, clientSecret, StandardCharsets.UTF_8));
        }
        return execute(builder, type, null, false);
    }

    public <T> T postBytes(HttpUrl url, byte[] body, MediaType mediaType, Class<T> type) {
        return execute(new Request.Builder().url(url).post(RequestBody.create(body, mediaType)), null, type, null, true);
    }

    public <T> T put(HttpUrl url, Object body, Class<T> type) {
        return execute(new Request.Builder().url(url).put(jsonBody(body)), body, type, null, true);
    }

    public <T> T delete(HttpUrl url, Class<T> type) {
        return execute(new Request.Builder().url(url).delete(), type, null, true);
    }

    /** Fetches raw bytes (thumbnails) with the bearer header; authenticated media needs it. */
    public byte[] getBytes(HttpUrl url, long maxBytes) {
        Request request = authorize(new Request.Builder().url(url).get(), true).build();
        Call call = reads.newCall(request);
        Cancellation.register(call);
        long started = System.nanoTime();
        try (Response response = call.execute()) {
            log(request, response.code(), started);
            if (!response.isSuccessful()) {
                throw errorFrom(request, response, readText(response.body()));
            }
            ResponseBody body = response.body();
            if (body.contentLength() > maxBytes) {
                throw MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE, "file larger than " + maxBytes + " bytes");
            }
            byte[] bytes = body.source().readByteArray();
            if (bytes.length > maxBytes) {
                throw MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE, "file larger than " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw transportFailure(call, e);
        } finally {
            Cancellation.unregister(call);
        }
    }

    /** Reads a JSON reply with Jackson's streaming parser as it arrives, instead of as one string. */
    @FunctionalInterface
    interface StreamReader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /**
     * A GET whose successful JSON reply is handed to {@code reader} as a stream: nothing of it is held whole, so a
     * reply of any size costs the memory {@code reader} keeps. The whole-call timeout is off, since the reader may
     * take its time with what it reads (an export writing its file, waiting for the page before it); the read
     * timeout still ends a server that stops sending, but is at least {@code firstByte}: Synapse prepares a whole
     * reply before its first byte, which for a million accounts takes it most of a minute on a quiet machine and
     * several times that on a busy one. Errors are read and categorised as for {@link #get}.
     */
    <T> T getStreamed(HttpUrl url, StreamReader<T> reader) {
        return getStreamed(url, reader, STREAM_READ_TIMEOUT);
    }

    <T> T getStreamed(HttpUrl url, StreamReader<T> reader, Duration firstByte) {
        Request request = authorize(new Request.Builder().url(url).get(), true).build();
        Call call = reads.newBuilder().callTimeout(Duration.ZERO)
                .readTimeout(Duration.ofMillis(Math.max(reads.readTimeoutMillis(), firstByte.toMillis())))
                .build().newCall(request);
        Cancellation.register(call);
        long started = System.nanoTime();
        try (Response response = call.execute()) {
            log(request, response.code(), started);
            ResponseBody body = response.body();
            if (!response.isSuccessful() || response.code() >= 300) {
                String text = readText(body);
                if (response.code() >= 300 && response.code() < 400) {
                    throw new MatrixApiException(ErrorCategory.REDIRECTED, response.code(), null,
                            "the server answered with a redirect to " + response.header("Location", "?"), null, false, null);
                }
                throw errorFrom(request, response, text);
            }
            if (!contentType(response).contains("json")) {
                // A proxy's page or some other reply that is not JSON: read it whole (it is small), as get() would.
                JsonNode node = parse(request, response, readText(body), JsonNode.class);
                try (JsonParser parser = Json.MAPPER.treeAsTokens(node)) {
                    return reader.read(parser);
                }
            }
            try (JsonParser parser = Json.MAPPER.createParser(body.byteStream())) {
                return reader.read(parser);
            } catch (JsonProcessingException e) {
                throw new MatrixApiException(ErrorCategory.UNEXPECTED_RESPONSE, response.code(), null,
                        "the reply could not be read (" + contentType(response) + ")", null, false, e);
            }
        } catch (IOException e) {
            throw transportFailure(call, e);
        } finally {
            Cancellation.unregister(call);
        }
    }

    private RequestBody jsonBody(Object body) {
        try {
            return RequestBody.create(Json.MAPPER.writeValueAsBytes(body == null ? Map.of() : body), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON: " + body.getClass(), e);
        }
    }

    private Request.Builder authorize(Request.Builder builder, boolean authenticated) {
        if (authenticated) {
            AccessToken current = session.current();
            if (current == null) {
                throw MatrixApiException.local(ErrorCategory.TOKEN_INVALID, "not signed in");
            }
            builder.header("Authorization", "Bearer " + current.reveal());
        }
        return builder.header("Accept", "application/json");
    }

    private <T> T execute(Request.Builder builder, Class<T> type, Duration callTimeout, boolean authenticated) {
        return execute(builder, null, type, callTimeout, authenticated);
    }

    private <T> T execute(Request.Builder builder, Object body, Class<T> type, Duration callTimeout, boolean authenticated) {
        Request request = authorize(builder, authenticated).build();
        WriteObserver.Pending pending = authenticated && !"GET".equals(request.method()) ? observe(request, body) : null;
        try {
            T result = send(request, type, callTimeout);
            if (pending != null) {
                pending.done();
            }
            return result;
        } catch (MatrixApiException e) {
            if (pending != null) {
                if (e.status() >= 200 && e.status() < 300) {
                    pending.done(); // the server accepted it; only its reply could not be read
                } else if (e.status() > 0 || !mayHaveArrived(e)) {
                    pending.failed(e);
                } else {
                    pending.unconfirmed(e);
                }
            }
            throw e;
        } catch (RuntimeException | Error e) {
            if (pending != null) {
                pending.unconfirmed(MatrixApiException.transport(ErrorCategory.NETWORK, "the request broke off", e));
            }
            throw e;
        }
    }

    /** Tells the write observer first; when it cannot record the request (a full disk), the request is not sent. */
    private WriteObserver.Pending observe(Request request, Object body) {
        try {
            JsonNode tree = body == null ? null : Json.MAPPER.valueToTree(body);
            return writeObserver.beforeSend(request.method(), request.url().pathSegments(), tree, WriteIntent.current());
        } catch (RuntimeException e) {
            throw MatrixApiException.transport(ErrorCategory.UNEXPECTED_RESPONSE,
                    "the change was not sent because the audit log could not be written: " + Redactor.scrub(String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * Whether a failure without an answer may still have reached the server. Refused connections, unknown hosts and
     * refused certificates happen before anything is sent; cut connections, timeouts and cancellations may not.
     */
    private static boolean mayHaveArrived(MatrixApiException e) {
        switch (e.category()) {
            case CERTIFICATE_UNTRUSTED, CERTIFICATE_CHANGED, CERTIFICATE_EXPIRED, CERTIFICATE_WRONG_HOST,
                    INSECURE_ADDRESS, PROXY_AUTHENTICATION, TOKEN_INVALID -> {
                return false;
            }
            default -> {
                Throwable cause = e.getCause();
                return !(cause instanceof ConnectException || cause instanceof UnknownHostException
                        || cause instanceof NoRouteToHostException);
            }
        }
    }

    private <T> T send(Request request, Class<T> type, Duration callTimeout) {
        boolean isRead = "GET".equals(request.method());
        OkHttpClient client = isRead ? reads : writes;
        if (callTimeout != null) {
            client = client.newBuilder().callTimeout(callTimeout).readTimeout(callTimeout).build();
        }
        Call call = client.newCall(request);
        Cancellation.register(call);
        long started = System.nanoTime();
        try (Response response = call.execute()) {
            log(request, response.code(), started);
            String text = readText(response.body());
            if (response.isRedirect() || (response.code() >= 300 && response.code() < 400)) {
                throw new MatrixApiException(ErrorCategory.REDIRECTED, response.code(), null,
                        "the server answered with a redirect to " + response.header("Location", "?")
                                + "; Registrar does not follow redirects for changes", null, false, null);
            }
            if (!response.isSuccessful()) {
                throw errorFrom(request, response, text);
            }
            return parse(request, response, text, type);
        } catch (IOException e) {
            throw transportFailure(call, e);
        } finally {
            Cancellation.unregister(call);
        }
    }

    private static String readText(ResponseBody body) throws IOException {
        // Bounded: an error page or proxy answer is never worth more than a few megabytes.
        long limit = 64L * 1024 * 1024;
        if (body.contentLength() > limit) {
            throw new IOException("reply larger than " + limit + " bytes");
        }
        return body.string();
    }

    private <T> T parse(Request request, Response response, String text, Class<T> type) {
        if (type == Void.class) {
            return null;
        }
        try {
            if (text.isBlank()) {
                throw new JsonProcessingException("empty reply") { };
            }
            return Json.MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            ErrorCategory category = isAdminPath(request.url()) && !looksLikeJson(text)
                    ? ErrorCategory.ADMIN_API_UNREACHABLE : ErrorCategory.UNEXPECTED_RESPONSE;
            throw new MatrixApiException(category, response.code(), null,
                    "the reply could not be read (" + contentType(response) + ")", null, false, e);
        }
    }

    static <T> T convert(JsonNode node, TypeReference<T> type) {
        return Json.MAPPER.convertValue(node, type);
    }

    private static MatrixApiException errorFrom(Request request, Response response, String text) {
        int status = response.code();
        JsonNode json = null;
        if (looksLikeJson(text)) {
            try {
                json = Json.MAPPER.readTree(text);
            } catch (JsonProcessingException ignored) {
                json = null;
            }
        }
        String errcode = json != null && json.hasNonNull("errcode") ? json.get("errcode").asText() : null;
        String error = json != null && json.hasNonNull("error") ? json.get("error").asText() : null;
        if (json != null && errcode == null && json.hasNonNull("error_description")) {
            // OAuth 2.0 (RFC 6749 5.2): "error" is the code, "error_description" the words.
            errcode = error;
            error = json.get("error_description").asText();
        } else if (json != null && errcode == null && error != null && error.matches("[a-z_]+")) {
            errcode = error;
        } else if (json != null && json.path("errors").isArray() && json.path("errors").size() > 0) {
            // MAS's admin API (JSON:API): {"errors":[{"title":"..."}]}
            error = json.path("errors").get(0).path("title").asText(null);
        }
        boolean softLogout = json != null && json.path("soft_logout").asBoolean(false);
        Duration retryAfter = retryAfter(response, json);
        ErrorCategory category = categorize(request.url(), status, errcode, error, json != null);
        if (json == null) {
            error = "the reply was not from the Matrix API (" + contentType(response) + ")";
        }
        return new MatrixApiException(category, status, errcode, error, retryAfter, softLogout, null);
    }

    static ErrorCategory categorize(HttpUrl url, int status, String errcode, String error, boolean isJson) {
        boolean admin = isAdminPath(url);
        ErrorCategory oauth = categorizeOAuth(url, status, errcode, error, isJson);
        if (oauth != null) {
            return oauth;
        }
        boolean login = url.encodedPath().endsWith("/login");
        if (status == 407) {
            return ErrorCategory.PROXY_AUTHENTICATION;
        }
        if (status == 429 || "M_LIMIT_EXCEEDED".equals(errcode)) {
            return ErrorCategory.RATE_LIMITED;
        }
        if (status >= 500) {
            return ErrorCategory.SERVER_ERROR;
        }
        if (!isJson) {
            if (admin) {
                return ErrorCategory.ADMIN_API_UNREACHABLE;
            }
            return status == 404 || status == 405 ? ErrorCategory.NOT_A_MATRIX_SERVER : ErrorCategory.UNEXPECTED_RESPONSE;
        }
        if (errcode == null) {
            errcode = "";
        }
        switch (errcode) {
            case "M_UNKNOWN_TOKEN", "M_MISSING_TOKEN" -> {
                return ErrorCategory.TOKEN_INVALID;
            }
            case "M_USER_DEACTIVATED" -> {
                return ErrorCategory.ACCOUNT_DEACTIVATED;
            }
            case "M_USER_LOCKED" -> {
                return ErrorCategory.ACCOUNT_LOCKED;
            }
            case "M_USER_IN_USE", "M_EXCLUSIVE", "M_THREEPID_IN_USE" -> {
                return ErrorCategory.CONFLICT;
            }
            case "M_UNRECOGNIZED" -> {
                return ErrorCategory.ENDPOINT_UNAVAILABLE;
            }
            case "M_NOT_FOUND" -> {
                return ErrorCategory.NOT_FOUND;
            }
            default -> {
                // fall through to the status below
            }
        }
        if (status == 403) {
            if (error != null && error.toLowerCase(Locale.ROOT).contains("password change disabled")) {
                return ErrorCategory.PASSWORDS_MANAGED_ELSEWHERE;
            }
            if (login) {
                return ErrorCategory.WRONG_CREDENTIALS;
            }
            return admin && "M_FORBIDDEN".equals(errcode) && isNotAdminText(error)
                    ? ErrorCategory.NOT_ADMIN : ErrorCategory.FORBIDDEN;
        }
        return switch (status) {
            case 401 -> ErrorCategory.TOKEN_INVALID;
            case 404, 405 -> ErrorCategory.ENDPOINT_UNAVAILABLE;
            case 409 -> ErrorCategory.CONFLICT;
            default -> ErrorCategory.INVALID_INPUT;
        };
    }

    /** MAS's token endpoint and admin API answer in their own shapes; null for everything else. */
    private static ErrorCategory categorizeOAuth(HttpUrl url, int status, String errcode, String error, boolean isJson) {
        String path = url.encodedPath();
        if (path.startsWith("/api/admin/")) {
            if (!isJson && (status == 404 || status == 405)) {
                return ErrorCategory.ADMIN_API_UNREACHABLE;
            }
            if (status == 401 && error != null && error.contains("urn:mas:admin")) {
                return ErrorCategory.NOT_ADMIN;
            }
            if (status == 401) {
                return ErrorCategory.TOKEN_INVALID;
            }
            if (status == 404) {
                return ErrorCategory.NOT_FOUND;
            }
            if (status == 409) {
                return ErrorCategory.CONFLICT;
            }
            if (status == 400 && error != null && error.toLowerCase(Locale.ROOT).contains("too weak")) {
                return ErrorCategory.PASSWORD_TOO_WEAK;
            }
            return null;
        }
        if (errcode == null || !isJson) {
            return null;
        }
        return switch (errcode) {
            case "invalid_client", "unauthorized_client" -> ErrorCategory.WRONG_CREDENTIALS;
            case "invalid_grant" -> ErrorCategory.TOKEN_INVALID;
            case "invalid_scope", "access_denied" -> ErrorCategory.NOT_ADMIN;
            case "invalid_request", "invalid_client_metadata", "invalid_redirect_uri", "unsupported_grant_type" ->
                    ErrorCategory.INVALID_INPUT;
            default -> null;
        };
    }

    private static boolean isNotAdminText(String error) {
        return error == null || error.toLowerCase(Locale.ROOT).contains("admin");
    }

    private static Duration retryAfter(Response response, JsonNode json) {
        String header = response.header("Retry-After");
        if (header != null) {
            try {
                return Duration.ofSeconds(Long.parseLong(header.strip()));
            } catch (NumberFormatException ignored) {
                // an HTTP date; fall back to the JSON field
            }
        }
        if (json != null && json.has("retry_after_ms") && json.get("retry_after_ms").canConvertToLong()) {
            return Duration.ofMillis(json.get("retry_after_ms").asLong());
        }
        return null;
    }

    private static boolean isAdminPath(HttpUrl url) {
        return url.encodedPath().contains("/_synapse/admin/") || url.encodedPath().startsWith("/api/admin/");
    }

    private static boolean looksLikeJson(String text) {
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    private static String contentType(Response response) {
        String type = response.header("Content-Type");
        return type == null ? "no content type" : type;
    }

    private static MatrixApiException transportFailure(Call call, IOException e) {
        if (call.isCanceled()) {
            if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
                return MatrixApiException.transport(ErrorCategory.TIMEOUT, "the server took too long to answer", e);
            }
            return MatrixApiException.transport(ErrorCategory.CANCELLED, "cancelled", e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return MatrixApiException.transport(ErrorCategory.TIMEOUT, "the server took too long to answer", e);
        }
        if (e instanceof UnknownHostException) {
            return MatrixApiException.transport(ErrorCategory.NETWORK, "the server name could not be found", e);
        }
        CertificateProblem refused = causeOf(e, CertificateProblem.class);
        if (refused != null) {
            return MatrixApiException.certificate(refused.category(), refused.presented(), e);
        }
        if (e instanceof SSLPeerUnverifiedException) {
            // OkHttp's hostname check after the handshake: its message names the certificate's subject and names.
            return MatrixApiException.transport(ErrorCategory.CERTIFICATE_WRONG_HOST, Redactor.scrub(e.getMessage()), e);
        }
        if (e instanceof SSLHandshakeException
                && causeOf(e, CertificateException.class) != null) {
            return MatrixApiException.transport(ErrorCategory.CERTIFICATE_UNTRUSTED,
                    "the certificate was refused: " + Redactor.scrub(e.getMessage()), e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Failed to authenticate with proxy")) {
            return MatrixApiException.transport(ErrorCategory.PROXY_AUTHENTICATION,
                    "the proxy asked for a user name and password, and accepted none", e);
        }
        if (e instanceof ProtocolException && message.startsWith("Too many follow-up requests")) {
            return MatrixApiException.transport(ErrorCategory.UNEXPECTED_RESPONSE,
                    "the server redirected more than 20 times (a redirect loop)", e);
        }
        if (e instanceof SSLException) {
            return MatrixApiException.transport(ErrorCategory.NETWORK,
                    "a secure connection could not be made: " + Redactor.scrub(e.getMessage()), e);
        }
        return MatrixApiException.transport(ErrorCategory.NETWORK,
                "the connection failed: " + Redactor.scrub(String.valueOf(e.getMessage())), e);
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static void log(Request request, int status, long startedNanos) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
            LOG.log(System.Logger.Level.DEBUG, () -> Redactor.scrub(
                    request.method() + " " + request.url().scheme() + "://" + request.url().host() + ":"
                            + request.url().port() + request.url().encodedPath()
                            + " -> " + status + " (" + ms + " ms)"));
        }
    }
}
