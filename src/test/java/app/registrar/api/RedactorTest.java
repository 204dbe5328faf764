package app.registrar.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class RedactorTest {

    @Test
    void synapseTokensBearerHeadersAndSecretFieldsAreHidden() {
        String text = "Authorization: Bearer abc.def-123 token syt_YWxpY2U_abcdefghij_0x9 refresh syr_x_y_z "
                + "{\"password\":\"hunter2\",\"new_password\":\"p\\\"q\",\"user\":\"alice\"} ?access_token=zzz&x=1";

        String out = Redactor.scrub(text);

        assertThat(out).doesNotContain("abc.def-123", "syt_YWxpY2U", "syr_x_y_z", "hunter2", "p\\\"q", "zzz");
        assertThat(out).contains("\"user\":\"alice\"", "x=1");
    }

    @Test
    void masTokensAndOAuthSecretsAreHiddenButOrdinaryWordsStay() {
        String text = "mat_abcDEF123_x9 then mar_QWERTY9876 and mct_zzzzYYYY1 format_string "
                + "?code=c0de-secret&state=s1 {\"client_secret\":\"cs-42\",\"code_verifier\":\"v-43\"}";

        String out = Redactor.scrub(text);

        assertThat(out).doesNotContain("abcDEF123", "QWERTY9876", "zzzzYYYY1", "c0de-secret", "cs-42", "v-43");
        assertThat(out).contains("format_string", "state=s1");
    }

    @Test
    void accessTokenNeverPrintsItsValue() {
        AccessToken token = new AccessToken("syt_secret_value");

        assertThat(token.toString()).doesNotContain("secret");
        assertThat(token.reveal()).isEqualTo("syt_secret_value");
    }

    @Test
    void userUpdateNamesFieldsButNeverShowsThePassword() {
        assertThat(new UserUpdate().password("hunter2-Secret").displayName("A").toString())
                .contains("password", "displayname").doesNotContain("hunter2");
    }
}
