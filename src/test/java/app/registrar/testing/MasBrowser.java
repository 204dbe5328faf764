package app.registrar.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays the admin's browser against MAS's own server-rendered pages with plain HTTP (the JDK's client, a cookie jar,
 * redirects followed by hand): opens the authorization address, fills in MAS's login form, presses Continue on its
 * consent page — or Cancel on its "not allowed" page — and follows MAS back to Registrar's loopback. Nothing of
 * Registrar's own HTTP code is used, so the OAuth flow is real end to end.
 */
public final class MasBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
    private static final Pattern DENY_LINK = Pattern.compile("href=\"([^\"]*error=access_denied[^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** What the browser saw last: the page's address, status and title, and the pages it went through. */
    public record Outcome(URI lastUrl, int status, String title, String trail) {
    }

    /**
     * Signs in as {@code user} on MAS's login page and consents; or, when MAS shows that the account may not have
     * what was asked for, presses Cancel. Stops at the first answer from {@code stopAt} (Registrar's loopback).
     */
    public Outcome signInAndConsent(String authorizationUrl, String user, String password, String stopAt) {
        URI current = URI.create(authorizationUrl);
        StringBuilder trail = new StringBuilder();
        boolean signedIn = false;
        boolean consented = false;
        for (int hop = 0; hop < 20; hop++) {
            HttpResponse<String> page = get(current);
            trail.append(page.statusCode()).append(' ').append(current.getPath()).append('\n');
            if (current.toString().startsWith(stopAt)) {
                return new Outcome(current, page.statusCode(), title(page.body()), trail.toString());
            }
            if (page.statusCode() / 100 == 3) {
                current = current.resolve(page.headers().firstValue("Location").orElseThrow());
                continue;
            }
            String html = page.body();
            HttpResponse<String> posted;
            if (html.contains("name=\"password\"") && !signedIn) {
                posted = post(current, Map.of("csrf", csrf(html), "username", user, "password", password));
                signedIn = true;
            } else if (DENY_LINK.matcher(html).find()) {
                Matcher deny = DENY_LINK.matcher(html);
                deny.find();
                current = current.resolve(deny.group(1).replace("&amp;", "&"));
                trail.append("pressed Cancel on: ").append(title(html)).append('\n');
                continue;
            } else if (CSRF.matcher(html).find() && !consented) {
                posted = post(current, Map.of("csrf", csrf(html)));
                consented = true;
            } else {
                return new Outcome(current, page.statusCode(), title(html), trail.toString());
            }
            trail.append(posted.statusCode()).append(" POST ").append(current.getPath()).append('\n');
            if (posted.statusCode() / 100 != 3) {
                return new Outcome(current, posted.statusCode(), title(posted.body()), trail.toString());
            }
            current = current.resolve(posted.headers().firstValue("Location").orElseThrow());
        }
        throw new IllegalStateException("MAS kept redirecting:\n" + trail);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no csrf field on the page " + title(html));
        }
        return m.group(1);
    }

    private static String title(String html) {
        Matcher m = TITLE.matcher(html);
        return m.find() ? m.group(1).strip() : "";
    }

    private HttpResponse<String> get(URI url) {
        return send(HttpRequest.newBuilder(url).GET().header("Accept", "text/html").build());
    }

    private HttpResponse<String> post(URI url, Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html").build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the browser could not load " + request.uri().getPath() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
