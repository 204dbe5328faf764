package app.registrar.service;

import app.registrar.api.Cancellation;
import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The browser half of an OAuth 2.0 sign-in with MAS (RFC 8252, loopback redirect): a one-shot listener on
 * 127.0.0.1 that MAS sends the browser back to with {@code code} and {@code state}, or with {@code error}. It
 * accepts only the answer carrying the {@code state} this sign-in made, and closes afterwards.
 */
public final class OAuthLoopback implements AutoCloseable {

    static final String PATH = "/registrar-oauth";
    /** The JDK server logs request lines (with the code) at debug level: keep it quiet; a field keeps the setting. */
    private static final Logger SERVER_LOG = quiet(Logger.getLogger("com.sun.net.httpserver"));

    private final HttpServer server;
    private final String state;
    private final CompletableFuture<String> code = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.INFO);
        return logger;
    }

    private OAuthLoopback(HttpServer server, String state) {
        this.server = server;
        this.state = state;
    }

    /** Listens on a free port of 127.0.0.1 for the answer to the sign-in that sent {@code state}. */
    public static OAuthLoopback start(String state) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OAuthLoopback loopback = new OAuthLoopback(server, state);
            server.createContext(PATH, loopback::handle);
            server.start();
            return loopback;
        } catch (IOException e) {
            throw MatrixApiException.local(ErrorCategory.NETWORK, "could not listen for the browser on this computer");
        }
    }

    public String state() {
        return state;
    }

    /** Where MAS sends the browser back to; registered with MAS for this sign-in. */
    public String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        boolean ours = state.equals(query.get("state"));
        String error = query.get("error");
        String value = query.get("code");
        boolean denied = ours && error != null && !code.isDone();
        boolean accepted = ours && error == null && value != null && !value.isBlank() && !code.isDone();
        String page = accepted
                ? "<h2>You are signed in.</h2><p>You can close this tab and go back to Registrar.</p>"
                : denied
                        ? "<h2>Sign-in stopped.</h2><p>Go back to Registrar: it says what to do next.</p>"
                        : "<h2>Nothing to do here.</h2><p>Go back to Registrar and start the sign-in again.</p>";
        byte[] body = ("<!doctype html><meta charset=utf-8><title>Registrar</title><body style='font-family:sans-serif'>"
                + page).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(accepted ? 200 : 400, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        // Only after the page is sent: the waiting sign-in closes this listener as soon as it has the answer.
        if (accepted) {
            code.complete(value);
        } else if (denied) {
            // MAS's "denied by the policy" page sends access_denied when the admin presses Cancel there.
            code.completeExceptionally(denied(error));
        }
    }

    private static MatrixApiException denied(String error) {
        if ("access_denied".equals(error)) {
            return MatrixApiException.local(ErrorCategory.MAS_NOT_ADMIN,
                    "the sign-in service did not give this account admin rights (or the sign-in was cancelled)");
        }
        return MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE, "the sign-in service answered " + error);
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Waits on a worker thread for the browser to come back with the code; cancelling the task stops the wait. */
    public String awaitCode(Duration timeout) {
        Cancellation.onCancel(() -> code.cancel(false));
        try {
            return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (CancellationException e) {
            throw MatrixApiException.local(ErrorCategory.CANCELLED, "sign-in cancelled");
        } catch (TimeoutException e) {
            throw MatrixApiException.local(ErrorCategory.TIMEOUT, "the browser did not come back in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MatrixApiException.local(ErrorCategory.CANCELLED, "sign-in cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MatrixApiException failure) {
                throw failure;
            }
            throw MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE, "the sign-in failed");
        } finally {
            close();
        }
    }

    /** Stops listening; a sign-in still waiting for the browser ends at once as cancelled. */
    @Override
    public void close() {
        code.completeExceptionally(MatrixApiException.local(ErrorCategory.CANCELLED, "sign-in cancelled"));
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
        }
    }
}
