package app.registrar.api;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Answers a proxy's {@code 407 Proxy Authentication Required} with Basic credentials, asking the admin once and
 * keeping the answer in memory for the rest of the run; the admin is asked again only when the proxy refuses what
 * was sent. Only Basic is offered: a proxy that wants NTLM or Negotiate fails with a clear category instead of a
 * password prompt that could not work. The credentials never reach a log line or an exception message.
 */
final class ProxySignIn implements Authenticator {

    private static final String HEADER = "Proxy-Authorization";
    private final ProxyPrompt prompt;
    private ProxyCredentials remembered;

    ProxySignIn(ProxyPrompt prompt) {
        this.prompt = prompt;
    }

    @Override
    public Request authenticate(Route route, Response response) {
        if (response.code() != 407) {
            return null;
        }
        // OkHttp asks before opening an https tunnel; answer only with what the admin already gave.
        boolean preemptive = "OkHttp-Preemptive".equalsIgnoreCase(response.header("Proxy-Authenticate"));
        String sent = response.request().header(HEADER);
        Optional<Challenge> basic = response.challenges().stream()
                .filter(challenge -> "Basic".equalsIgnoreCase(challenge.scheme())).findFirst();
        // One question at a time: calls that meet the same proxy meanwhile wait for the admin's one answer.
        synchronized (this) {
            if (remembered != null && !header(remembered).equals(sent)) {
                return withCredentials(response.request(), remembered);
            }
            if (preemptive || basic.isEmpty()) {
                return null;
            }
            remembered = null;
            String host = "";
            int port = 0;
            if (route != null && route.proxy().type() != Proxy.Type.DIRECT
                    && route.proxy().address() instanceof InetSocketAddress address) {
                host = address.getHostString();
                port = address.getPort();
            }
            String realm = basic.get().realm() == null ? "" : basic.get().realm();
            Optional<ProxyCredentials> answer = prompt.ask(new ProxyPrompt.Question(host, port, realm, sent != null));
            if (answer.isEmpty()) {
                return null;
            }
            remembered = answer.get();
            return withCredentials(response.request(), remembered);
        }
    }

    private static Request withCredentials(Request request, ProxyCredentials credentials) {
        return request.newBuilder().header(HEADER, header(credentials)).build();
    }

    private static String header(ProxyCredentials credentials) {
        return Credentials.basic(credentials.user(), credentials.password(), StandardCharsets.UTF_8);
    }
}
