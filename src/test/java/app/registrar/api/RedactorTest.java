package app.registrar.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
