package app.registrar.api;

import static app.registrar.testing.Generated.forAll;
import static app.registrar.testing.Generated.from;
import static app.registrar.testing.Generated.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.model.UserId;
import app.registrar.testing.Generated;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * Parsing and encoding of what the admin types or the server sends — user IDs, display names, server addresses,
 * path segments — over generated input ({@link Generated}, seeded): nothing throws but the documented
 * {@link MatrixApiException}, and every encoding decodes back to what went in.
 */
class ParsingPropertiesTest {

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";

    // ---- path segments (user IDs, device IDs in URLs) --------------------------------------------------------

    @Test
    void pathSegmentEncodingRefusesOnlyEmptyAndDotSegments() {
        forAll(random -> random.nextInt(10) == 0 ? oneOf(random, List.of("", ".", "..")) : Generated.anyString(random), value -> {
            try {
                PathSegments.encode(value);
            } catch (MatrixApiException e) {
                assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
                assertThat(value).isIn("", ".", "..");
            }
        });
    }

    @Test
    void pathSegmentEncodingIsOneSegmentThatDecodesToTheValue() {
        forAll(Generated::wellFormed, value -> {
            if (value.isEmpty() || value.equals(".") || value.equals("..")) {
                return;
            }
            String encoded = PathSegments.encode(value);
            HttpUrl url = HttpUrl.get("https://example.org/_synapse/admin/v2/users").newBuilder()
                    .addEncodedPathSegment(encoded).addPathSegment("devices").build();

            assertThat(encoded).matches("[A-Za-z0-9._~%-]+");
            assertThat(url.pathSegments()).hasSize(6);
            assertThat(url.pathSegments().get(4)).isEqualTo(value);
        });
    }

    // ---- user IDs ----------------------------------------------------------------------------------------------

    @Test
    void userIdParsingNeverThrows() {
        forAll(random -> (random.nextBoolean() ? "@" : "") + Generated.anyString(random), UserId::parse);
    }

    @Test
    void userIdRoundTripsThroughTextAndThroughTheUrl() {
        forAll(random -> new UserId(localpart(random), serverName(random)), id -> {
            assertThat(UserId.parse(id.toString())).contains(id);
            HttpUrl url = HttpUrl.get("https://example.org/_synapse/admin/v2/users").newBuilder()
                    .addEncodedPathSegment(PathSegments.encode(id.toString())).build();
            assertThat(url.pathSegments().get(4)).isEqualTo(id.toString());
        });
    }

    @Test
    void typedUserNamesNeverThrowAndBecomeLowerCase() {
        forAll(random -> List.of(Generated.anyString(random), serverName(random)), pair -> {
            UserId id = UserId.fromInput(pair.get(0), pair.get(1));

            assertThat(id.localpart()).isEqualTo(id.localpart().toLowerCase(Locale.ROOT));
            assertThat(id.localpart()).isNotEmpty();
            UserId.checkNewLocalpart(id.localpart(), pair.get(1));
        });
    }

    @Test
    void localpartsFromTheAllowedAlphabetHaveNoProblem() {
        forAll(random -> from(random, LOWER + "=-/+.", 1, 1) + from(random, LOWER + DIGITS + "._=-/+", 0, 40),
                localpart -> assertThat(UserId.checkNewLocalpart(localpart, "example.org")).isEmpty());
    }

    // ---- display names -----------------------------------------------------------------------------------------

    @Test
    void displayNamesSurviveTheRequestBodyUnchanged() {
        forAll(Generated::wellFormed, displayName -> {
            try {
                byte[] body = Json.MAPPER.writeValueAsBytes(new UserUpdate().displayName(displayName).body());
                JsonNode sent = Json.MAPPER.readTree(body);

                assertThat(sent.path("displayname").asText()).isEqualTo(displayName);
                assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void redactingNeverThrowsAndNeverLeavesATokenBehind() {
        String token = "syt_YWRtaW4_QwErTyUiOpAsDfGh_0a1b2c";
        forAll(random -> Generated.wellFormed(random) + " Bearer " + token + " " + Generated.wellFormed(random),
                text -> assertThat(Redactor.scrub(text)).doesNotContain(token));
    }

    // ---- server addresses --------------------------------------------------------------------------------------

    @Test
    void serverAddressParsingThrowsOnlyItsDocumentedException() {
        forAll(random -> random.nextBoolean() ? Generated.anyString(random) : addressLike(random), input -> {
            try {
                ServerAddress.parse(input);
            } catch (MatrixApiException e) {
                assertThat(e.category()).isIn(ErrorCategory.INVALID_INPUT, ErrorCategory.INSECURE_ADDRESS);
            }
        });
    }

    @Test
    void acceptedServerNameIsExactlyTheHostAndPortThatIsContacted() {
        forAll(ParsingPropertiesTest::addressLike, input -> {
            ServerAddress address;
            try {
                address = ServerAddress.parse(input);
            } catch (MatrixApiException e) {
                return;
            }
            if (!address.isServerName()) {
                return;
            }
            HttpUrl url = address.explicitUrl();
            String hostAndPort = (url.host().contains(":") ? "[" + url.host() + "]" : url.host())
                    + (url.port() == 443 ? "" : ":" + url.port());

            assertThat(address.serverName()).isEqualTo(hostAndPort);
            assertThat(url.encodedPath()).isEqualTo("/");
            assertThat(url.query()).isNull();
        });
    }

    @Test
    void serverNamesRoundTripInLowerCaseWhateverTheSpellingAround() {
        forAll(random -> new Object[] {hostname(random), 1 + random.nextInt(65535), random.nextBoolean(),
                random.nextBoolean(), random.nextBoolean(), random.nextBoolean()}, values -> {
            String host = (String) values[0];
            int port = (Integer) values[1];
            boolean withPort = (Boolean) values[2];
            String typed = ((Boolean) values[3] ? host.toUpperCase(Locale.ROOT) : host) + (withPort ? ":" + port : "")
                    + ((Boolean) values[4] ? "/" : "");
            ServerAddress address = ServerAddress.parse((Boolean) values[5] ? "  " + typed + "\t" : typed);

            assertThat(address.serverName()).isEqualTo(host + (withPort ? ":" + port : ""));
            assertThat(address.explicitUrl().host()).isEqualTo(host);
            assertThat(address.explicitUrl().port()).isEqualTo(withPort ? port : 443);
        });
    }

    @Test
    void httpsAddressesAreKeptAndParsingThemAgainChangesNothing() {
        forAll(random -> "https://" + hostname(random) + ":" + (1 + random.nextInt(65535))
                + oneOf(random, List.of("", "/", "//", "/matrix", "/matrix/", "/matrix//", "/a/b/", "/_matrix/client")), typed -> {
            ServerAddress first = ServerAddress.parse(typed);
            ServerAddress again = ServerAddress.parse(first.explicitUrl().toString());
            String path = first.explicitUrl().encodedPath();

            assertThat(first.isServerName()).isFalse();
            assertThat(again.explicitUrl()).isEqualTo(first.explicitUrl());
            assertThat(path).doesNotEndWith("//");
            assertThat(path.equals("/") || !path.endsWith("/")).isTrue();
        });
    }

    @Test
    void plainHttpIsAcceptedForLoopbackOnly() {
        forAll(random -> new Object[] {hostname(random), 1 + random.nextInt(65535)}, values -> {
            String host = (String) values[0];
            int port = (Integer) values[1];
            for (String loopback : List.of("localhost", "127.0.0.1", "[::1]")) {
                assertThat(ServerAddress.parse("http://" + loopback + ":" + port).explicitUrl().isHttps()).isFalse();
            }
            if (host.equals("localhost")) {
                return;
            }
            try {
                ServerAddress.parse("http://" + host + ":" + port);
                throw new AssertionError("plain http to " + host + " was accepted");
            } catch (MatrixApiException e) {
                assertThat(e.category()).isEqualTo(ErrorCategory.INSECURE_ADDRESS);
            }
        });
    }

    // ---- generators --------------------------------------------------------------------------------------------

    /** Historical localparts: any printable text without ':' and without surrounding white space. */
    private static String localpart(Random random) {
        String value;
        do {
            value = Generated.wellFormed(random).strip();
        } while (value.isEmpty() || value.contains(":"));
        return value;
    }

    private static String hostname(Random random) {
        List<String> labels = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            labels.add(from(random, LOWER + DIGITS, 1, 12) + from(random, LOWER + DIGITS + "-", 0, 10)
                    + from(random, LOWER + DIGITS, 1, 12));
        }
        String host = String.join(".", labels);
        return host.matches("[0-9.]+") ? "x" + host : host;
    }

    private static String serverName(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> hostname(random);
            case 1 -> hostname(random) + ":" + (1 + random.nextInt(65535));
            default -> oneOf(random, List.of("[::1]:8448", "127.0.0.1", "xn--bcher-kva.example"));
        };
    }

    /** What admins type, mutated: names, ports, paths, queries, schemes, brackets, IDN, spaces. */
    private static String addressLike(Random random) {
        List<String> pieces = List.of("example.org", "Bücher.example", "[::1]", "127.0.0.1", ":", ":8448", "/", "//",
                "?", "#", "@", "a", ".", "..", " ", "https://", "http://", "%20", "xn--", "-", "[", "]", "\\");
        int count = 1 + random.nextInt(6);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(oneOf(random, pieces));
        }
        return out.toString();
    }
}
