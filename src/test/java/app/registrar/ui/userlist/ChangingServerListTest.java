package app.registrar.ui.userlist;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.UserUpdate;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 6: accounts created while the admin browses never show up twice or leave a gap. */
@ExtendWith(SynapseExtension.class)
class ChangingServerListTest {

    @Test
    void accountsCreatedWhileBrowsingLeadToAFreshListWithoutDuplicatesOrGaps(TestSynapse synapse) {
        AdminApi admin = synapse.signedInAdmin().admin();
        String prefix = "chg" + UUID.randomUUID().toString().substring(0, 6);
        IntStream.range(0, 150).parallel().forEach(i -> admin.createUser("@" + prefix + "-" + String.format("%03d", i * 2)
                + ":" + synapse.serverName(), new UserUpdate().password("Change-Pass-2026!")));
        UserListViewModel model = new UserListViewModel(SignedIn.asAdmin(synapse).accounts());
        model.searchProperty().set(prefix);
        model.refresh();
        assertThat(model.totalProperty().get()).isEqualTo(150);

        // Someone adds accounts that sort before the rows on page 2, shifting every offset after them.
        for (int i = 0; i < 5; i++) {
            admin.createUser("@" + prefix + "-" + String.format("%03d", i * 2 + 1) + ":" + synapse.serverName(),
                    new UserUpdate().password("Change-Pass-2026!"));
        }
        model.getRows().get(120);

        assertThat(model.totalProperty().get()).as("the list noticed the new total and started over").isEqualTo(155);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < model.getRows().size(); i++) {
            UserRowViewModel row = model.getRows().get(i);
            assertThat(row.isLoading()).isFalse();
            assertThat(seen.add(row.getUserId())).as("row %d (%s) shown once", i, row.getUserId()).isTrue();
        }
        assertThat(seen).hasSize(155);
    }
}
