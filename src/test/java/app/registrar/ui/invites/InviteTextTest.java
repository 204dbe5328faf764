package app.registrar.ui.invites;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.RegistrationToken;
import app.registrar.testing.FakeDialogService;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The invite text and the list's wording, without a server (fast loop). */
@Tag("fast")
class InviteTextTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final InvitesViewModel model = new InvitesViewModel(null, new FakeDialogService(), "https://matrix.example.org",
            "example.org", () -> NOW, ZoneOffset.UTC);

    @Test
    void inviteTextHasServerAddressTokenStepsAndUsesLeft() {
        RegistrationToken token = new RegistrationToken("abcDEF123", 5, 1, 2, NOW.plusSeconds(86_400));

        assertThat(model.inviteText(token))
                .startsWith("You are invited to example.org on Matrix.")
                .contains("Server address: https://matrix.example.org")
                .contains("Invite token: abcDEF123")
                .contains("Create account")
                .contains("registration token")
                .contains("Secure Backup")
                .contains(tr("invites.text.left", 2));
        assertThat(tr("invites.text.left", 2)).isEqualTo("by 2 more people");
    }

    @Test
    void unlimitedAndEndlessTokensSaySo() {
        RegistrationToken token = new RegistrationToken("open", null, 0, 7, null);

        assertThat(model.inviteText(token)).contains(tr("invites.text.any.number")).contains(tr("invites.text.no.end"));
        assertThat(model.usesText(token)).isEqualTo(tr("invites.uses.unlimited", 7));
        assertThat(model.expiryText(token)).isEqualTo(tr("invites.expiry.never"));
        assertThat(model.isUsable(token)).isTrue();
    }

    @Test
    void usedUpOrExpiredTokensAreNotUsable() {
        assertThat(model.isUsable(new RegistrationToken("full", 2, 1, 1, null))).isFalse();
        RegistrationToken old = new RegistrationToken("old", null, 0, 0, NOW.minusSeconds(60));
        assertThat(model.isUsable(old)).isFalse();
        assertThat(model.expiryText(old)).startsWith("Expired ");
        assertThat(model.inviteText(new RegistrationToken("last", 1, 0, 0, null))).contains("by one more person");
    }
}
