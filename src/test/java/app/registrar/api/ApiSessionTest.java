package app.registrar.api;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The one session object a connection's sign-in and admin calls share: what it hands out, and who sees it. */
@Tag("fast")
class ApiSessionTest {

    private static final AccessToken FIXED = new AccessToken("syt_Zml4ZWQ_fixedfixedfixed_0a1b2c");
    private static final AccessToken RENEWED = new AccessToken("mat_renewedrenewedrenewed_0a1b2c");

    @Test
    void aTokenProviderWinsOverTheFixedTokenWhileItIsSet() {
        ApiSession session = new ApiSession();
        session.useToken(FIXED);
        session.useTokenProvider(() -> RENEWED);
        assertThat(session.current()).isEqualTo(RENEWED);

        session.useTokenProvider(null);
        assertThat(session.current()).isEqualTo(FIXED);
    }

    @Test
    void aNewSessionIsSignedOutUntilATokenIsUsed() {
        ApiSession session = new ApiSession();
        assertThat(session.isSignedIn()).isFalse();
        assertThat(session.current()).isNull();

        session.useToken(FIXED);
        assertThat(session.isSignedIn()).isTrue();
        session.useToken(null);
        assertThat(session.isSignedIn()).isFalse();
    }

    @Test
    void theSignInApiAndEveryTransportOfAHomeserverShareOneSession() {
        Homeserver homeserver = new Homeserver(HttpUrl.get("http://127.0.0.1:8008"));
        homeserver.useToken(FIXED);

        assertThat(homeserver.unobservedTransport().session()).isSameAs(homeserver.session());
        assertThat(homeserver.session().current()).isEqualTo(FIXED);
        // The audit trail's own transport signs out with the connection instead of keeping a copy of the token.
        homeserver.session().useToken(null);
        assertThat(homeserver.isSignedIn()).isFalse();
        assertThat(homeserver.unobservedTransport().session().isSignedIn()).isFalse();
    }
}
