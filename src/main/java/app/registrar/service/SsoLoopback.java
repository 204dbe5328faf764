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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The browser half of single sign-on: a one-shot listener on 127.0.0.1 that the homeserver redirects back to
 * with a {@code loginToken}. Only this computer can reach it, it accepts one token, and it closes afterwards.
 */
public final class SsoLoopback implements AutoCloseable {

    static final String PATH = "/registrar-sso";
    /**
     * The JDK's HTTP server logs each request line at debug level, and the line carries the login token: keep
     * that logger quiet. Held in a field so the setting is not lost to garbage collection.
     */
    private static final Logger SERVER_LOG = quiet(Logger.getLogger("com.sun.net.httpserver"));
    private final HttpServer server;
    private final CompletableFuture<String> token = new CompletableFuture<>();

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.INFO);
        return logger;
    }

    private SsoLoopback(HttpServer server) {
        this.server = server;
    }

    public static SsoLoopback start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SsoLoopback loopback = new SsoLoopback(server);
            server.createContext(PATH, loopback::handle);
            server.start();
            return loopback;
        } catch (IOException e) {
            throw MatrixApiException.local(ErrorCategory.NETWORK, "could not listen for the browser on this computer");
        }
    }

    /** Where the homeserver should send the browser back to. */
    public String redirectUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String value = null;
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("loginToken=")) {
                    value = URLDecoder.decode(pair.substring("loginToken=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        boolean accepted = value != null && !value.isBlank() && token.complete(value);
        String page = accepted
                ? "<!doctype html><meta charset=utf-8><title>Registrar</title><body style='font-family:sans-serif'>"
                        + "<h2>You are signed in.</h2><p>You can close this tab and go back to Registrar.</p>"
                : "<!doctype html><meta charset=utf-8><title>Registrar</title><body style='font-family:sans-serif'>"
                        + "<h2>Nothing to do here.</h2><p>Go back to Registrar and start the sign-in again.</p>";
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(accepted ? 200 : 400, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Waits on a worker thread for the browser to come back; cancelling the task stops the wait. */
    public String awaitToken(Duration timeout) {
        Cancellation.onCancel(() -> token.cancel(false));
        try {
            return token.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (CancellationException e) {
            throw MatrixApiException.local(ErrorCategory.CANCELLED, "single sign-on cancelled");
        } catch (TimeoutException e) {
            throw MatrixApiException.local(ErrorCategory.TIMEOUT, "the browser did not come back in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MatrixApiException.local(ErrorCategory.CANCELLED, "single sign-on cancelled");
        } catch (ExecutionException e) {
            throw MatrixApiException.local(ErrorCategory.UNEXPECTED_RESPONSE, "single sign-on failed");
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
