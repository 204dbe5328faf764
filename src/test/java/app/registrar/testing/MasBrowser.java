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
import java.util.concurrent.CompletableFuture;
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
    private static final Pattern HEADING = Pattern.compile("<h1[^>]*>([^<]*)<");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
    private static final Pattern DENY_LINK = Pattern.compile("href=\"([^\"]*error=access_denied[^\"]*)\"");
    /** MAS's consent form posts back to its own page; its other forms (sign out) name an action. */
    private static final Pattern OWN_FORM = Pattern.compile("<form\\s+method=\"POST\"(?![^>]*action=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|quot|lt|gt|apos);");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** What the browser saw last: the page's address, status and title, and the pages it went through. */
    public record Outcome(URI lastUrl, int status, String title, String trail) {
    }

    /**
     * Plays the browser on another thread, as the admin would while Registrar waits for its loopback. When the
     * browser does not reach {@code stopAt} (it failed, or MAS stopped it on a page) {@code giveUp} runs — closing the
     * loopback — so the waiting sign-in ends at once instead of after its time-out; {@code join()} then says where
     * the browser got stuck.
     */
    public static CompletableFuture<Outcome> inBackground(String authorizationUrl, String user,
                                                                             String password, String stopAt, Runnable giveUp) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Outcome outcome = new MasBrowser().signInAndConsent(authorizationUrl, user, password, stopAt);
                if (!outcome.lastUrl().toString().startsWith(stopAt)) {
                    giveUp.run();
                    throw new IllegalStateException("the browser did not come back to Registrar:\n" + outcome.trail());
                }
                return outcome;
            } catch (RuntimeException e) {
                giveUp.run();
                throw e;
            }
        });
    }

    /**
     * Sends the client an OAuth error on its redirect, as a browser stopped on MAS's side would end up doing: for a
     * browser that got stuck, so the sign-in waiting behind a view model ends now instead of after its time-out.
     */
    public static void tellClient(String redirectUri, String state, String error) {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(redirectUri + "?state="
                    + URLEncoder.encode(state, StandardCharsets.UTF_8) + "&error=" + error)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the sign-in no longer listens: nothing is waiting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
                current = withoutFragment(current.resolve(page.headers().firstValue("Location").orElseThrow()));
                continue;
            }
            String html = page.body();
            HttpResponse<String> posted;
            if (html.contains("name=\"password\"")) {
                if (signedIn) {
                    // MAS showed its login form again: the name or password was refused.
                    return new Outcome(current, page.statusCode(), title(html), trail.append("login refused\n").toString());
                }
                posted = post(current, Map.of("csrf", csrf(html), "username", user, "password", password));
                signedIn = true;
            } else if (OWN_FORM.matcher(html).find() && CSRF.matcher(html).find() && !consented) {
                // The consent page: "Continue" posts the page's own form.
                posted = post(current, Map.of("csrf", csrf(html)));
                consented = true;
                trail.append("pressed Continue on: ").append(heading(html)).append('\n');
            } else if (DENY_LINK.matcher(html).find()) {
                // MAS's "denied by the policy" page offers only Cancel, a link back to the client with access_denied.
                Matcher deny = DENY_LINK.matcher(html);
                deny.find();
                current = current.resolve(unescape(deny.group(1)));
                trail.append("pressed Cancel on: ").append(heading(html)).append('\n');
                continue;
            } else {
                return new Outcome(current, page.statusCode(), title(html), trail.append("stuck on: ").append(heading(html)).toString());
            }
            trail.append(posted.statusCode()).append(" POST ").append(current.getPath()).append('\n');
            if (posted.statusCode() / 100 != 3) {
                return new Outcome(current, posted.statusCode(), title(posted.body()), trail.toString());
            }
            current = withoutFragment(current.resolve(posted.headers().firstValue("Location").orElseThrow()));
        }
        throw new IllegalStateException("MAS kept redirecting:\n" + trail);
    }

    /**
     * Plays an invited person signing up on MAS's own pages, as the invite text tells them: the sign-up form
     * (username, password twice), the registration-token step, the display-name step. Answers the trail of pages,
     * ending with the first page outside {@code /register} (MAS's account page once the account exists).
     */
    public String signUp(String registerPage, String username, String password, String token) {
        URI current = URI.create(registerPage).resolve("/register/password");
        StringBuilder trail = new StringBuilder();
        for (int hop = 0; hop < 20; hop++) {
            HttpResponse<String> page = get(current);
            trail.append(page.statusCode()).append(' ').append(current.getPath()).append('\n');
            if (page.statusCode() / 100 == 3) {
                current = withoutFragment(current.resolve(page.headers().firstValue("Location").orElseThrow()));
                continue;
            }
            if (!current.getPath().startsWith("/register")) {
                return trail.toString();
            }
            String html = page.body();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("csrf", csrf(html));
            if (html.contains("name=\"password_confirm\"")) {
                if (trail.indexOf("POST /register/password") >= 0) {
                    return trail.append("sign-up form refused: ").append(heading(html)).toString();
                }
                form.put("username", username);
                form.put("password", password);
                form.put("password_confirm", password);
                form.put("accept_terms", "on");
            } else if (html.contains("name=\"token\"")) {
                if (trail.indexOf("POST " + current.getPath()) >= 0) {
                    return trail.append("token refused: ").append(heading(html)).toString();
                }
                form.put("token", token);
            } else if (html.contains("name=\"display_name\"")) {
                form.put("action", "set");
                form.put("display_name", username);
            } else {
                return trail.append("stuck on: ").append(heading(html)).toString();
            }
            HttpResponse<String> posted = post(current, form);
            trail.append(posted.statusCode()).append(" POST ").append(current.getPath()).append('\n');
            if (posted.statusCode() / 100 != 3) {
                // MAS answers a refused form with the same page again (200): read it on the next hop.
                continue;
            }
            current = withoutFragment(current.resolve(posted.headers().firstValue("Location").orElseThrow()));
        }
        throw new IllegalStateException("MAS kept redirecting:\n" + trail);
    }

    /** A browser never sends the fragment (MAS ends its redirect to the client with a bare '#'). */
    private static URI withoutFragment(URI uri) {
        String text = uri.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? uri : URI.create(text.substring(0, hash));
    }

    /** MAS's templates escape '/' in attribute values as {@code &#x2f;}, as a browser would decode it. */
    static String unescape(String attribute) {
        Matcher m = ENTITY.matcher(attribute);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String text = switch (name) {
                case "amp" -> "&";
                case "quot" -> "\"";
                case "lt" -> "<";
                case "gt" -> ">";
                case "apos" -> "'";
                default -> Character.toString(name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1)));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String heading(String html) {
        Matcher m = HEADING.matcher(html);
        return m.find() ? m.group(1).replaceAll("\\s+", " ").strip() : title(html);
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
