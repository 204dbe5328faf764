package app.registrar.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The parts of MAS sign-in that need no server: PKCE, the scopes asked for, the authorization address. */
class OAuthPiecesTest {

    private static AuthMetadata metadata(List<String> scopes) {
        HttpUrl base = HttpUrl.get("https://auth.example.org/");
        return new AuthMetadata(HttpUrl.get("https://example.org/"), base.resolve("authorize"), base.resolve("oauth2/token"),
                base.resolve("oauth2/registration"), base.resolve("oauth2/revoke"), scopes, List.of());
    }

    @Test
    void pkceChallengeIsTheRfc7636ExampleForItsVerifier() {
        // RFC 7636, appendix B.
        Pkce pkce = Pkce.fromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        assertThat(pkce.challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(pkce.toString()).doesNotContain("dBjftJeZ4CVP");
    }

    @Test
    void freshVerifiersAreLongEnoughAndNeverRepeat() {
        Pkce one = Pkce.generate();
        Pkce two = Pkce.generate();

        assertThat(one.verifier()).hasSizeBetween(43, 128).matches("[A-Za-z0-9_-]+");
        assertThat(one.verifier()).isNotEqualTo(two.verifier());
        assertThatThrownBy(() -> Pkce.fromVerifier("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adminScopesUseStableNamesOnMatrix115AndUnstableBefore() {
        String stable = OAuthScopes.forAdmin(metadata(List.of("openid", "email")), List.of("v1.11", "v1.15"), "REGISTRARAB12");
        String unstable = OAuthScopes.forAdmin(metadata(List.of("openid", "email")), List.of("v1.11", "v1.12"), "REGISTRARAB12");

        assertThat(stable.split(" ")).containsExactlyInAnyOrder("urn:matrix:client:api:*",
                "urn:matrix:client:device:REGISTRARAB12", "urn:synapse:admin:*", "urn:mas:admin");
        assertThat(unstable.split(" ")).containsExactlyInAnyOrder("urn:matrix:org.matrix.msc2967.client:api:*",
                "urn:matrix:org.matrix.msc2967.client:device:REGISTRARAB12", "urn:synapse:admin:*", "urn:mas:admin");
    }

    @Test
    void scopeNamesTheServerListsWinOverItsSpecVersions() {
        String listedUnstable = OAuthScopes.forAdmin(metadata(List.of("urn:matrix:org.matrix.msc2967.client:api:*")),
                List.of("v1.15"), "REGISTRARAB12");
        String listedStable = OAuthScopes.forAdmin(metadata(List.of("urn:matrix:client:api:*")), List.of("v1.1"), "REGISTRARAB12");

        assertThat(listedUnstable).contains("msc2967").doesNotContain("urn:matrix:client:");
        assertThat(listedStable).contains("urn:matrix:client:api:*").doesNotContain("msc2967");
    }

    @Test
    void deviceIdsFitMasDeviceScopeRule() {
        // MAS's policy: urn:matrix:client:device:[A-Za-z0-9._~!$&'()*+,;=:@/-]{10,}
        assertThat(OAuthScopes.newDeviceId()).matches("[A-Za-z0-9._~!$&'()*+,;=:@/-]{10,}");
    }

    @Test
    void authorizationAddressCarriesTheChallengeNeverTheVerifier() {
        OAuthClient client = new OAuthClient(metadata(List.of()), Network.standard());
        Pkce pkce = Pkce.generate();

        HttpUrl url = client.authorizationUrl("CLIENT1", "http://127.0.0.1:5555/callback", "urn:mas:admin", "STATE1", pkce);

        assertThat(url.host()).isEqualTo("auth.example.org");
        assertThat(url.encodedPath()).isEqualTo("/authorize");
        assertThat(url.queryParameter("code_challenge")).isEqualTo(pkce.challenge());
        assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
        assertThat(url.queryParameter("redirect_uri")).isEqualTo("http://127.0.0.1:5555/callback");
        assertThat(url.queryParameter("state")).isEqualTo("STATE1");
        assertThat(url.toString()).doesNotContain(pkce.verifier());
    }

    @Test
    void masPublicBaseComesFromTheAuthorizationEndpointNotTheIssuer() {
        assertThat(metadata(List.of()).publicBase()).isEqualTo(HttpUrl.get("https://auth.example.org/"));
    }
}
