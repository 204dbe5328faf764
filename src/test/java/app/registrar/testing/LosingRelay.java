package app.registrar.testing;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * An HTTP relay in front of the real Synapse that passes every request on and its answer back, except the ones a test
 * picks: their answer is lost on the way back (the server made the change, the client never hears it) or the request
 * itself is lost before it reaches the server. A real server cannot be made to lose one answer on demand; everything
 * else, including what the read-back finds, is the real server's state.
 */
public final class LosingRelay implements AutoCloseable {

    private record Rule(Predicate<RecordedRequest> matches, boolean forward) { }

    private final MockWebServer server = new MockWebServer();
    private final HttpUrl target;
    private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS)
            .retryOnConnectionFailure(false).build();
    private final ConcurrentLinkedQueue<Rule> rules = new ConcurrentLinkedQueue<>();

    public LosingRelay(HttpUrl target) throws IOException {
        this.target = target;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Rule rule = rules.stream().filter(r -> r.matches().test(request)).findFirst().orElse(null);
                if (rule != null) {
                    rules.remove(rule);
                    if (rule.forward()) {
                        relay(request);
                    }
                    return cut();
                }
                return relay(request);
            }
        });
        server.start();
    }

    /** The address to connect to instead of the server's own. */
    public HttpUrl url() {
        return server.url("/");
    }

    /** The next request {@code method} whose path contains {@code pathPart} reaches the server; its answer is lost. */
    public void loseAnswerOfNext(String method, String pathPart) {
        rules.add(new Rule(matching(method, pathPart), true));
    }

    /** The next request {@code method} whose path contains {@code pathPart} never reaches the server. */
    public void loseNext(String method, String pathPart) {
        rules.add(new Rule(matching(method, pathPart), false));
    }

    private static Predicate<RecordedRequest> matching(String method, String pathPart) {
        return r -> r.getMethod().equals(method) && r.getUrl().encodedPath().contains(pathPart);
    }

    /** A connection cut halfway through the answer's body: the client cannot tell whether the change was made. */
    private static MockResponse cut() {
        return new MockResponse.Builder().code(200).addHeader("Content-Length", "500").body("{\"lost\":")
                .onResponseBody(new SocketEffect.CloseSocket(true, true, true)).build();
    }

    private MockResponse relay(RecordedRequest request) {
        HttpUrl url = target.newBuilder().encodedPath(request.getUrl().encodedPath())
                .encodedQuery(request.getUrl().encodedQuery()).build();
        Headers.Builder headers = new Headers.Builder();
        for (String name : request.getHeaders().names()) {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")
                    && !name.equalsIgnoreCase("Connection") && !name.equalsIgnoreCase("Accept-Encoding")) {
                for (String value : request.getHeaders().values(name)) {
                    headers.add(name, value);
                }
            }
        }
        String contentType = request.getHeaders().get("Content-Type");
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        boolean hasBody = !request.getMethod().equals("GET") && !request.getMethod().equals("HEAD");
        Request forwarded = new Request.Builder().url(url).headers(headers.build())
                .method(request.getMethod(), hasBody ? RequestBody.create(body,
                        contentType == null ? null : MediaType.parse(contentType)) : null)
                .build();
        try (Response response = client.newCall(forwarded).execute()) {
            MockResponse.Builder answer = new MockResponse.Builder().code(response.code());
            for (String name : response.headers().names()) {
                if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")
                        && !name.equalsIgnoreCase("Connection")) {
                    for (String value : response.headers().values(name)) {
                        answer.addHeader(name, value);
                    }
                }
            }
            return answer.body(new okio.Buffer().write(response.body().bytes())).build();
        } catch (IOException e) {
            return cut();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
