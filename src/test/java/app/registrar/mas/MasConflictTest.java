package app.registrar.mas;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.registrar.api.ErrorCategory;
import app.registrar.api.ExternalId;
import app.registrar.api.MatrixApiException;
import app.registrar.api.Threepid;
import app.registrar.api.UserUpdate;
import app.registrar.service.AccountService;
import app.registrar.service.ConnectionService;
import app.registrar.service.SecurityService;
import app.registrar.store.AccountStore;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.MasExtension;
import app.registrar.testing.MasProbe;
import app.registrar.testing.MasSignedIn;
import app.registrar.testing.TestMas;
import app.registrar.ui.conflicts.HolderCheck;
import app.registrar.ui.edituser.EditUserViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One email, one SSO identity, one account — on a server whose accounts MAS owns: the holder is looked up in MAS's
 * admin API (Synapse knows no emails there), named and opened; creating an account with what another holds creates
 * nothing. Accounts are set up and read back with plain HTTP ({@link MasProbe}).
 */
@ExtendWith(MasExtension.class)
class MasConflictTest {

    private static TestMas mas;
    private static MasProbe probe;
    private static ConnectionService connection;
    private static AccountStore store;
    private final FakeDialogService dialogs = new FakeDialogService();
    private final List<String> opened = new ArrayList<>();

    @BeforeAll
    static void signIn(TestMas stack) {
        mas = stack;
        probe = new MasProbe(stack);
        connection = MasSignedIn.asAdmin(stack);
        store = connection.accountStore();
    }

    private static String userId(String localpart) {
        return "@" + localpart + ":" + mas.serverName();
    }

    /** An account made in MAS without Registrar, waited for in Synapse. */
    private static String existing(String prefix) {
        String localpart = TestMas.newLocalpart(prefix);
        probe.createAccount(localpart, "Mas-" + UUID.randomUUID());
        probe.awaitSynapseUser(userId(localpart), user -> true);
        return localpart;
    }

    private static String address(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private EditUserViewModel editor(String localpart) {
        AccountService accounts = new AccountService(connection.executor(), connection);
        EditUserViewModel model = EditUserViewModel.forEdit(accounts, dialogs, userId(mas.adminLocalpart()),
                null, store.getUser(userId(localpart)), saved -> { });
        model.checkHoldersWith(new HolderCheck(new SecurityService(connection.executor(), connection)), opened::add);
        return model;
    }

    @Test
    void addingAnEmailAnotherMasAccountHoldsNamesThatAccountAndOpensIt() {
        String address = address("mas-held");
        String holder = existing("mas-email-holder");
        probe.mas("POST", "user-emails", Map.of("user_id", probe.masUserId(holder), "email", address));
        EditUserViewModel model = editor(existing("mas-email-adder"));

        model.getContacts().newEmailProperty().set(address);
        model.getContacts().addEmail();

        assertThat(model.getContacts().emailProblemProperty().get()).isEqualTo(tr("conflict.email", address, userId(holder)));
        assertThat(model.getContacts().getEmails()).doesNotContain(address);
        assertThat(model.getContacts().newEmailProperty().get()).as("nothing typed is lost").isEqualTo(address);
        model.getContacts().openConflictHolder();
        assertThat(opened).containsExactly(userId(holder));
    }

    @Test
    void addingAnSsoIdentityAnotherMasAccountHoldsNamesThatAccount() {
        String subject = "sub-" + UUID.randomUUID().toString().substring(0, 8);
        String holder = existing("mas-sso-holder");
        probe.mas("POST", "upstream-oauth-links", Map.of("user_id", probe.masUserId(holder), "provider_id", mas.ssoProviderId(),
                "subject", subject));
        EditUserViewModel model = editor(existing("mas-sso-adder"));

        model.getContacts().newProviderProperty().set(mas.ssoProviderId());
        model.getContacts().newExternalIdProperty().set(subject);
        model.getContacts().addExternalId();

        assertThat(model.getContacts().externalIdProblemProperty().get())
                .isEqualTo(tr("conflict.sso", mas.ssoProviderId(), subject, userId(holder)));
        model.getContacts().openConflictHolder();
        assertThat(opened).containsExactly(userId(holder));
    }

    @Test
    void creatingAnAccountWithAnEmailAnotherHoldsCreatesNothing() {
        String address = address("mas-taken");
        String holder = existing("mas-create-holder");
        probe.mas("POST", "user-emails", Map.of("user_id", probe.masUserId(holder), "email", address));
        String localpart = TestMas.newLocalpart("mas-not-made");

        assertThatThrownBy(() -> store.createUser(userId(localpart), new UserUpdate().password("Mas-" + UUID.randomUUID())
                .threepids(List.of(Threepid.email(address)))))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
                    assertThat(e.serverError()).hasValueSatisfying(text -> assertThat(text).contains(userId(holder)));
                });
        assertThat(probe.masUser(localpart)).as("no half-made account").isEmpty();
    }

    @Test
    void creatingAnAccountWithAnSsoIdentityAnotherHoldsCreatesNothing() {
        String subject = "sub-" + UUID.randomUUID().toString().substring(0, 8);
        String holder = existing("mas-create-sso-holder");
        probe.mas("POST", "upstream-oauth-links", Map.of("user_id", probe.masUserId(holder), "provider_id", mas.ssoProviderId(),
                "subject", subject));
        String localpart = TestMas.newLocalpart("mas-not-linked");

        assertThatThrownBy(() -> store.createUser(userId(localpart),
                new UserUpdate().externalIds(List.of(new ExternalId(mas.ssoProviderId(), subject)))))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT));
        assertThat(probe.masUser(localpart)).isEmpty();
    }

    @Test
    void aStepThatFailsAfterTheAccountWasMadeSaysTheAccountExistsAndWhatItLacks() {
        String localpart = TestMas.newLocalpart("mas-half");

        // Synapse refuses an unknown account type: that step comes after MAS made the account.
        assertThatThrownBy(() -> store.createUser(userId(localpart), new UserUpdate().userType("no-such-type")))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.CREATED_INCOMPLETE);
                    assertThat(e.serverError()).hasValueSatisfying(text -> assertThat(text).contains(userId(localpart) + " was created"));
                });
        assertThat(probe.masUser(localpart)).as("the account exists, as the error says").isPresent();
        assertThat(probe.awaitSynapseUser(userId(localpart), user -> true).path("user_type").isNull()).isTrue();
    }
}
