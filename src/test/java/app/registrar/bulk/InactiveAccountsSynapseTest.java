package app.registrar.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.UserQuery;
import app.registrar.api.UserSummary;
import app.registrar.api.UserUpdate;
import app.registrar.testing.SynapseAdmin;
import app.registrar.testing.SynapseExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The "not seen for N days" search against the real Synapse, with the clock moved forward instead of waiting. */
@ExtendWith(SynapseExtension.class)
class InactiveAccountsSynapseTest {

    @RegisterExtension
    final SynapseAdmin server = new SynapseAdmin("inact");


    private String account(String name, String password) {
        String userId = "@" + server.prefix() + "-" + name + ":" + server.synapse().serverName();
        server.admin().createUser(userId, new UserUpdate().password(password));
        return userId;
    }

    private InactiveAccounts.Result find(Duration ahead, int days) throws Exception {
        Clock later = Clock.fixed(Instant.now().plus(ahead), ZoneOffset.UTC);
        return new InactiveAccounts(new AccountStream(server.admin(), 2, 2), later)
                .find(UserQuery.all().withName(server.prefix()), days, new JobControl(), p -> { });
    }

    @Test
    void accountsCreatedOrSeenRecentlyAreNotInactive() throws Exception {
        account("fresh", "Fresh-Pass-2026!");

        InactiveAccounts.Result result = find(Duration.ZERO, 1);

        assertThat(result.scanned()).isEqualTo(1);
        assertThat(result.userIds()).isEmpty();
    }

    @Test
    void accountsNotUsedForTheChosenDaysAreFoundAndNewerOnesAreNot() throws Exception {
        String never = account("never", "Never-Pass-2026!");
        String dormant = account("dormant", "Dormant-Pass-2026!");

        InactiveAccounts.Result tenDaysOn = find(Duration.ofDays(10), 5);
        InactiveAccounts.Result twoDaysOn = find(Duration.ofDays(2), 5);

        assertThat(tenDaysOn.userIds()).containsExactlyInAnyOrder(never, dormant);
        assertThat(tenDaysOn.rows()).extracting(UserSummary::userId).containsExactlyElementsOf(tenDaysOn.userIds());
        assertThat(tenDaysOn.scanned()).isEqualTo(2);
        assertThat(twoDaysOn.userIds()).isEmpty();
    }

    @Test
    void theRuleUsesLastSeenAndFallsBackToCreation() {
        Instant cutoff = Instant.parse("2026-06-01T00:00:00Z");
        Instant before = cutoff.minusSeconds(60);
        Instant after = cutoff.plusSeconds(60);

        assertThat(InactiveAccounts.isInactive(row(before, null), cutoff)).isTrue();
        assertThat(InactiveAccounts.isInactive(row(after, null), cutoff)).isFalse();
        assertThat(InactiveAccounts.isInactive(row(before, after), cutoff)).isFalse();
        assertThat(InactiveAccounts.isInactive(row(before, before), cutoff)).isTrue();
        assertThat(InactiveAccounts.isInactive(row(after, before), cutoff)).isTrue();
    }

    private static UserSummary row(Instant created, Instant lastSeen) {
        return new UserSummary("@x:localhost", null, null, false, false, null, false, false, false, false, created, lastSeen);
    }
}
