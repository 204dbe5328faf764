package app.registrar.ui.encryption;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.ExternalId;
import app.registrar.api.Threepid;
import app.registrar.api.UserDetailsFixture;
import app.registrar.service.SecurityService.RecoveryOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The self-recovery sentence for each kind of account and server, without a server (fast loop). */
class RecoveryLineTest {

    private static final RecoveryOptions MAIL = new RecoveryOptions(true, Map.of("oidc-github", "GitHub"));
    private static final RecoveryOptions NO_MAIL = new RecoveryOptions(false, Map.of());

    @Test
    void ssoAccountsNameTheProviderAsTheServerShowsIt() {
        var user = UserDetailsFixture.with(List.of(), List.of(new ExternalId("oidc-github", "123")));

        assertThat(RecoveryLine.describe(user, MAIL, true)).isEqualTo(tr("recovery.sso", "GitHub"));
    }

    @Test
    void anEmailHelpsOnlyWhereTheServerCanSendResetMailsAndKeepsPasswords() {
        var user = UserDetailsFixture.with(List.of(Threepid.email("bob@example.org")), List.of());

        assertThat(RecoveryLine.describe(user, MAIL, true)).isEqualTo(tr("recovery.email", "b…@example.org"));
        assertThat(RecoveryLine.describe(user, NO_MAIL, true)).isEqualTo(tr("recovery.admin.only"));
        assertThat(RecoveryLine.describe(user, MAIL, false)).isEqualTo(tr("recovery.elsewhere"));
    }

    @Test
    void masksAllButTheFirstCharacterOfTheLocalPart() {
        assertThat(RecoveryLine.mask("alice@example.org")).isEqualTo("a…@example.org");
        assertThat(RecoveryLine.mask("\uD83D\uDE00x@example.org")).isEqualTo("\uD83D\uDE00…@example.org");
    }
}
