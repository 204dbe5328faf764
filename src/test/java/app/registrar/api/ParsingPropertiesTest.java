package app.registrar.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.model.UserId;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import okhttp3.HttpUrl;

/**
 * Parsing and encoding of what the admin types or the server sends — user IDs, display names, server addresses,
 * path segments — over generated input: nothing throws but the documented {@link MatrixApiException}, and every
 * encoding decodes back to what went in.
 */
class ParsingPropertiesTest {

    // ---- path segments (user IDs, device IDs in URLs) --------------------------------------------------------

    @Property
    void pathSegmentEncodingRefusesOnlyEmptyAndDotSegments(@ForAll String value) {
        try {
            PathSegments.encode(value);
        } catch (MatrixApiException e) {
            assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
            assertThat(value).isIn("", ".", "..");
        }
    }

    @Property
    void pathSegmentEncodingIsOneSegmentThatDecodesToTheValue(@ForAll("wellFormed") String value) {
        Assume.that(!value.isEmpty() && !value.equals(".") && !value.equals(".."));

        String encoded = PathSegments.encode(value);
        HttpUrl url = HttpUrl.get("https://example.org/_synapse/admin/v2/users").newBuilder()
                .addEncodedPathSegment(encoded).addPathSegment("devices").build();

        assertThat(encoded).matches("[A-Za-z0-9._~%-]+");
        assertThat(url.pathSegments()).hasSize(6);
        assertThat(url.pathSegments().get(4)).isEqualTo(value);
    }

    // ---- user IDs ----------------------------------------------------------------------------------------------

    @Property
    void userIdParsingNeverThrows(@ForAll String text) {
        UserId.parse(text);
    }

    @Property
    void userIdRoundTripsThroughTextAndThroughTheUrl(@ForAll("localparts") String localpart,
                                                     @ForAll("serverNames") String serverName) {
        UserId id = new UserId(localpart, serverName);

        assertThat(UserId.parse(id.toString())).contains(id);
        HttpUrl url = HttpUrl.get("https://example.org/_synapse/admin/v2/users").newBuilder()
                .addEncodedPathSegment(PathSegments.encode(id.toString())).build();
        assertThat(url.pathSegments().get(4)).isEqualTo(id.toString());
    }

    @Property
    void typedUserNamesNeverThrowAndBecomeLowerCase(@ForAll String typed, @ForAll("serverNames") String serverName) {
        UserId id = UserId.fromInput(typed, serverName);

        assertThat(id.localpart()).isEqualTo(id.localpart().toLowerCase(Locale.ROOT));
        assertThat(id.localpart()).isNotEmpty();
        UserId.checkNewLocalpart(id.localpart(), serverName);
    }

    @Property
    void localpartsFromTheAllowedAlphabetHaveNoProblem(@ForAll("newLocalparts") String localpart) {
        assertThat(UserId.checkNewLocalpart(localpart, "example.org")).isEmpty();
    }

    // ---- display names -----------------------------------------------------------------------------------------

    @Property
    void displayNamesSurviveTheRequestBodyUnchanged(@ForAll("wellFormed") String displayName) throws Exception {
        byte[] body = Json.MAPPER.writeValueAsBytes(new UserUpdate().displayName(displayName).body());

        JsonNode sent = Json.MAPPER.readTree(body);

        assertThat(sent.path("displayname").asText()).isEqualTo(displayName);
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("\n");
    }

    @Property
    void redactingNeverThrowsAndNeverLeavesATokenBehind(@ForAll("wellFormed") String before, @ForAll("wellFormed") String after) {
        String token = "syt_YWRtaW4_QwErTyUiOpAsDfGh_0a1b2c";

        String scrubbed = Redactor.scrub(before + " Bearer " + token + " " + after);

        assertThat(scrubbed).doesNotContain(token);
    }

    // ---- server addresses --------------------------------------------------------------------------------------

    @Property
    void serverAddressParsingThrowsOnlyItsDocumentedException(@ForAll String input) {
        try {
            ServerAddress.parse(input);
        } catch (MatrixApiException e) {
            assertThat(e.category()).isIn(ErrorCategory.INVALID_INPUT, ErrorCategory.INSECURE_ADDRESS);
        }
    }

    @Property
    void acceptedServerNameIsExactlyTheHostAndPortThatIsContacted(@ForAll("addressLike") String input) {
        ServerAddress address;
        try {
            address = ServerAddress.parse(input);
        } catch (MatrixApiException e) {
            return;
        }
        Assume.that(address.isServerName());
        HttpUrl url = address.explicitUrl();
        String hostAndPort = (url.host().contains(":") ? "[" + url.host() + "]" : url.host())
                + (url.port() == 443 ? "" : ":" + url.port());

        assertThat(address.serverName()).isEqualTo(hostAndPort);
        assertThat(url.encodedPath()).isEqualTo("/");
        assertThat(url.query()).isNull();
    }

    @Property
    void serverNamesRoundTripInLowerCaseWhateverTheSpellingAround(@ForAll("hostnames") String host,
                                                                @ForAll @IntRange(min = 1, max = 65535) int port,
                                                                @ForAll boolean withPort, @ForAll boolean upper,
                                                                @ForAll boolean trailingSlash, @ForAll boolean spaces) {
        String typed = (upper ? host.toUpperCase(Locale.ROOT) : host) + (withPort ? ":" + port : "")
                + (trailingSlash ? "/" : "");
        ServerAddress address = ServerAddress.parse(spaces ? "  " + typed + "\t" : typed);

        assertThat(address.serverName()).isEqualTo(host + (withPort ? ":" + port : ""));
        assertThat(address.explicitUrl().host()).isEqualTo(host);
        assertThat(address.explicitUrl().port()).isEqualTo(withPort ? port : 443);
    }

    @Property
    void httpsAddressesAreKeptAndParsingThemAgainChangesNothing(@ForAll("hostnames") String host,
                                                               @ForAll @IntRange(min = 1, max = 65535) int port,
                                                               @ForAll("paths") String path) {
        ServerAddress first = ServerAddress.parse("https://" + host + ":" + port + path);
        ServerAddress again = ServerAddress.parse(first.explicitUrl().toString());

        assertThat(first.isServerName()).isFalse();
        assertThat(again.explicitUrl()).isEqualTo(first.explicitUrl());
        assertThat(first.explicitUrl().host()).isEqualTo(host);
        assertThat(first.explicitUrl().encodedPath()).doesNotEndWith("//");
        assertThat(first.explicitUrl().encodedPath().equals("/") || !first.explicitUrl().encodedPath().endsWith("/")).isTrue();
    }

    @Property
    void plainHttpIsAcceptedForLoopbackOnly(@ForAll("hostnames") String host, @ForAll @IntRange(min = 1, max = 65535) int port) {
        Assume.that(!host.equals("localhost"));
        for (String loopback : List.of("localhost", "127.0.0.1", "[::1]")) {
            assertThat(ServerAddress.parse("http://" + loopback + ":" + port).explicitUrl().isHttps()).isFalse();
        }
        try {
            ServerAddress.parse("http://" + host + ":" + port);
            throw new AssertionError("plain http to " + host + " was accepted");
        } catch (MatrixApiException e) {
            assertThat(e.category()).isEqualTo(ErrorCategory.INSECURE_ADDRESS);
        }
    }

    // ---- generators --------------------------------------------------------------------------------------------

    /** Any text Java can hold as valid UTF-16 (no lone surrogates, which no server or keyboard produces). */
    @Provide
    Arbitrary<String> wellFormed() {
        return Arbitraries.strings().ofMaxLength(60).filter(ParsingPropertiesTest::isWellFormed);
    }

    static boolean isWellFormed(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text);
    }

    /** Historical localparts: any printable text without ':' and without surrounding white space. */
    @Provide
    Arbitrary<String> localparts() {
        return wellFormed().map(String::strip).filter(s -> !s.isEmpty() && !s.contains(":"));
    }

    @Provide
    Arbitrary<String> newLocalparts() {
        Arbitrary<String> first = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz=-/+.").ofLength(1);
        Arbitrary<String> rest = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789._=-/+").ofMaxLength(40);
        return Combinators.combine(first, rest).as(String::concat);
    }

    @Provide
    Arbitrary<String> hostnames() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> inner = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMaxLength(10);
        Arbitrary<String> hyphenated = Combinators.combine(label, inner, label).as((a, b, c) -> a + b + c);
        return hyphenated.list().ofMinSize(1).ofMaxSize(4).map(labels -> String.join(".", labels))
                .filter(h -> !h.matches("[0-9.]+"));
    }

    @Provide
    Arbitrary<String> serverNames() {
        return Arbitraries.oneOf(hostnames(),
                Combinators.combine(hostnames(), Arbitraries.integers().between(1, 65535)).as((h, p) -> h + ":" + p),
                Arbitraries.of("[::1]:8448", "127.0.0.1", "xn--bcher-kva.example"));
    }

    /** What admins type, mutated: names, ports, paths, queries, schemes, brackets, IDN, spaces. */
    @Provide
    Arbitrary<String> addressLike() {
        Arbitrary<String> pieces = Arbitraries.of("example.org", "Bücher.example", "[::1]", "127.0.0.1", ":", ":8448",
                "/", "//", "?", "#", "@", "a", ".", "..", " ", "https://", "http://", "%20", "xn--", "-", "[", "]", "\\");
        return pieces.list().ofMinSize(1).ofMaxSize(6).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("", "/", "//", "/matrix", "/matrix/", "/matrix//", "/a/b/", "/_matrix/client");
    }

    static final Set<String> DOT_SEGMENTS = Set.of(".", "..");
}
