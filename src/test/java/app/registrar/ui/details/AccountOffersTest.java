package app.registrar.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.UserDetails;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which actions an account offers is the view model's decision; the view only lays them out. */
@Tag("fast")
class AccountOffersTest {

    private static UserDetails account(boolean deactivated, boolean locked, boolean suspended, boolean shadowBanned) {
        return new UserDetails("@alice:example.org", "Alice", null, List.of(), List.of(), false, deactivated, false,
                locked, suspended, shadowBanned, false, null, null, null, null, null);
    }

    @Test
    void anActiveAccountOffersDeactivateAndEveryActionEachNamingWhatItWillDo() {
        AccountOffers offers = AccountOffers.of(account(false, true, false, true));

        assertThat(offers.reactivate()).isFalse();
        assertThat(offers.usable()).isTrue();
        assertThat(offers.lockKey()).isEqualTo("details.unlock");
        assertThat(offers.suspendKey()).isEqualTo("details.suspend");
        assertThat(offers.shadowBanKey()).isEqualTo("details.unshadowban");
    }

    @Test
    void aDeactivatedAccountOffersReactivateAndNothingElseUntilItIsBack() {
        AccountOffers offers = AccountOffers.of(account(true, false, true, false));

        assertThat(offers.reactivate()).isTrue();
        assertThat(offers.usable()).isFalse();
        assertThat(offers.suspendKey()).isEqualTo("details.unsuspend");
    }

    @Test
    void withoutSynapseSuspendAndShadowBanAreNotOffered() {
        assertThat(AccountOffers.of(account(false, false, false, false), false).synapseTasks()).isFalse();
        assertThat(AccountOffers.of(account(false, false, false, false)).synapseTasks()).isTrue();
    }
}
