package app.registrar.ui.conflicts;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.ExternalId;
import app.registrar.api.Threepid;
import app.registrar.api.UserDetails;
import app.registrar.api.UserUpdate;
import app.registrar.service.SecurityService;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.edituser.EditUserViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One email, one SSO identity, one account: against the real Synapse, adding what another account holds names
 * that account and opens it on request, and the other account keeps what it had.
 */
@ExtendWith(SynapseExtension.class)
class ConflictSynapseTest {

    private static final String PASSWORD = "Conflict-Pass-123!";

    private TestSynapse synapse;
    private SignedIn signedIn;
    private AdminApi admin;
    private final FakeDialogService dialogs = new FakeDialogService();
    private final List<String> opened = new ArrayList<>();

    @BeforeEach
    void setUp(TestSynapse synapse) {
        this.synapse = synapse;
        signedIn = SignedIn.asAdmin(synapse);
        admin = synapse.signedInAdmin().admin();
    }

    private EditUserViewModel editor(UserDetails account) {
        EditUserViewModel model = EditUserViewModel.forEdit(signedIn.accounts(), dialogs, synapse.adminUser(),
                signedIn.server().passwordPolicy(), account, saved -> { });
        model.checkHoldersWith(new HolderCheck(new SecurityService(signedIn.accounts().executor(), signedIn.connection())), opened::add);
        return model;
    }

    private UserDetails create(String prefix, UserUpdate fields) {
        return admin.createUser(synapse.newUserId(prefix), fields.password(PASSWORD));
    }

    @Test
    void synapseItselfMovesAnEmailFromItsHolderWithoutAsking() {
        String address = "moved-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        UserDetails holder = create("holder", new UserUpdate().threepids(List.of(Threepid.email(address))));
        UserDetails other = create("taker", new UserUpdate());

        admin.modifyUser(other.userId(), new UserUpdate().threepids(List.of(Threepid.email(address))));

        // Why the editor asks first: the server answered 200 and took the address from its holder.
        assertThat(admin.getUser(holder.userId()).emails()).isEmpty();
        assertThat(admin.findUserByThreepid("email", address)).contains(other.userId());
    }

    @Test
    void addingAnEmailAnotherAccountHoldsNamesThatAccountOpensItAndMovesNothing() {
        String address = "held-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        UserDetails holder = create("email-holder", new UserUpdate().threepids(List.of(Threepid.email(address))));
        UserDetails account = create("email-adder", new UserUpdate());
        EditUserViewModel model = editor(account);

        model.getContacts().newEmailProperty().set(address);
        model.getContacts().addEmail();

        assertThat(model.getContacts().emailProblemProperty().get()).isEqualTo(tr("conflict.email", address, holder.userId()));
        assertThat(model.getContacts().conflictHolderProperty().get()).isEqualTo(holder.userId());
        assertThat(model.getContacts().getEmails()).doesNotContain(address);
        assertThat(model.getContacts().newEmailProperty().get()).as("nothing typed is lost").isEqualTo(address);
        model.getContacts().openConflictHolder();
        assertThat(opened).containsExactly(holder.userId());
        model.save();
        assertThat(admin.getUser(holder.userId()).emails()).extracting(Threepid::address).containsExactly(address);
        assertThat(admin.getUser(account.userId()).emails()).isEmpty();
    }

    @Test
    void addingAnSsoIdentityAnotherAccountHoldsNamesThatAccount() {
        ExternalId id = new ExternalId("oidc-github", "gh-" + UUID.randomUUID().toString().substring(0, 8));
        UserDetails holder = create("sso-holder", new UserUpdate().externalIds(List.of(id)));
        UserDetails account = create("sso-adder", new UserUpdate());
        EditUserViewModel model = editor(account);

        model.getContacts().newProviderProperty().set(id.authProvider());
        model.getContacts().newExternalIdProperty().set(id.externalId());
        model.getContacts().addExternalId();

        assertThat(model.getContacts().externalIdProblemProperty().get()).isEqualTo(tr("conflict.sso", id.authProvider(), id.externalId(), holder.userId()));
        assertThat(model.getContacts().getExternalIds()).doesNotContain(id);
        assertThat(model.getContacts().newExternalIdProperty().get()).isEqualTo(id.externalId());
        model.getContacts().openConflictHolder();
        assertThat(opened).containsExactly(holder.userId());
        assertThat(admin.findUserByExternalId(id.authProvider(), id.externalId())).contains(holder.userId());
    }

    @Test
    void anEmailTheAccountAlreadyHoldsOrNobodyHoldsIsNoConflict() {
        String own = "own-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String free = "free-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        UserDetails account = create("no-conflict", new UserUpdate().threepids(List.of(Threepid.email(own))));
        EditUserViewModel model = editor(account);

        model.getContacts().removeEmail(own);
        model.getContacts().newEmailProperty().set(own);
        model.getContacts().addEmail();
        model.getContacts().newEmailProperty().set(free);
        model.getContacts().addEmail();

        assertThat(model.getContacts().conflictHolderProperty().get()).isEmpty();
        assertThat(model.getContacts().getEmails()).contains(own, free);
    }
}
