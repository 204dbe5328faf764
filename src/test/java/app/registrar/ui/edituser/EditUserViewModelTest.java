package app.registrar.ui.edituser;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.ExternalId;
import app.registrar.api.Threepid;
import app.registrar.api.UserDetails;
import app.registrar.api.UserUpdate;
import app.registrar.model.PasswordPolicy;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SynapseExtension.class)
class EditUserViewModelTest {

    private static final String PASSWORD = "Good-Password-1";

    private TestSynapse synapse;
    private SignedIn signedIn;
    private AdminApi admin;
    private final FakeDialogService dialogs = new FakeDialogService();
    private final List<UserDetails> saved = new ArrayList<>();

    @BeforeEach
    void connect(TestSynapse synapse) {
        this.synapse = synapse;
        signedIn = SignedIn.asAdmin(synapse);
        admin = synapse.signedInAdmin().admin();
    }

    private EditUserViewModel create() {
        return EditUserViewModel.forCreate(signedIn.accounts(), dialogs, synapse.serverName(), synapse.adminUser(),
                signedIn.server().passwordPolicy(), saved::add);
    }

    private EditUserViewModel edit(String userId) {
        return EditUserViewModel.forEdit(signedIn.accounts(), dialogs, synapse.adminUser(),
                signedIn.server().passwordPolicy(), admin.getUser(userId), saved::add);
    }

    private String existing(String prefix, String... emails) {
        String userId = synapse.newUserId(prefix);
        admin.createUser(userId, new UserUpdate().password(PASSWORD).displayName("Existing")
                .threepids(Arrays.stream(emails).map(Threepid::email).toList()));
        return userId;
    }

    @Test
    void serverPasswordPolicyIsTheOneTheDialogChecks() {
        assertThat(signedIn.server().passwordPolicy()).isEqualTo(new PasswordPolicy(true, 10, true, true, true, true));
    }

    @Test
    void createSendsNameEmailsAndSsoIdentityAndTheServerHasThem() {
        EditUserViewModel model = create();
        String localpart = TestSynapse.uniqueLocalpart("vmcreate");
        model.getUserIdInput().localpartProperty().set(localpart);
        model.displayNameProperty().set("Vera Create");
        model.getContacts().newEmailProperty().set("vera@example.org");
        model.getContacts().addEmail();
        model.getContacts().newEmailProperty().set("Vera.Work@Example.org");
        model.getContacts().addEmail();
        model.getContacts().newProviderProperty().set("oidc");
        model.getContacts().newExternalIdProperty().set("vera-" + localpart);
        model.getContacts().addExternalId();
        model.getPassword().passwordProperty().set(PASSWORD);

        model.save();

        String userId = "@" + localpart + ":" + synapse.serverName();
        UserDetails read = admin.getUser(userId);
        assertThat(read.displayName()).isEqualTo("Vera Create");
        assertThat(read.emails()).extracting(Threepid::address).containsExactlyInAnyOrder("vera@example.org", "vera.work@example.org");
        assertThat(read.externalIds()).containsExactly(new ExternalId("oidc", "vera-" + localpart));
        assertThat(saved).extracting(UserDetails::userId).containsExactly(userId);
        assertThat(model.closeRequestedProperty().get()).isTrue();
        assertThat(model.getPassword().passwordProperty().get()).as("password forgotten after saving").isEmpty();
        assertThat(dialogs.notifications).contains(tr("edit.created", userId));
    }

    @Test
    void invalidUserIdIsExplainedWhileTypingAndCannotBeSaved() {
        EditUserViewModel model = create();
        model.getPassword().passwordProperty().set(PASSWORD);

        model.getUserIdInput().localpartProperty().set("al ice");
        assertThat(model.getUserIdInput().problemProperty().get()).isEqualTo(tr("edit.user.problem.invalid.characters"));
        assertThat(model.canSaveProperty().get()).isFalse();

        model.getUserIdInput().localpartProperty().set("_bridge");
        assertThat(model.getUserIdInput().problemProperty().get()).isEqualTo(tr("edit.user.problem.starts.with.underscore"));

        model.getUserIdInput().localpartProperty().set("12345");
        assertThat(model.getUserIdInput().problemProperty().get()).isEqualTo(tr("edit.user.problem.only.digits"));

        model.getUserIdInput().localpartProperty().set("@alice:elsewhere.example");
        assertThat(model.getUserIdInput().problemProperty().get()).isEqualTo(tr("edit.user.problem.other.server", synapse.serverName()));
    }

    @Test
    void takenUserIdIsReportedWhileTyping() {
        String taken = existing("taken");
        EditUserViewModel model = create();

        model.getUserIdInput().localpartProperty().set(taken.substring(1, taken.indexOf(':')));

        assertThat(model.getUserIdInput().availabilityProperty().get()).isEqualTo(UserIdInput.Availability.TAKEN);
        assertThat(model.getUserIdInput().problemProperty().get()).isEqualTo(tr("edit.user.taken"));
    }

    @Test
    void upperCaseIsLoweredAndTheAdminIsTold() {
        EditUserViewModel model = create();
        String localpart = TestSynapse.uniqueLocalpart("upper");

        model.getUserIdInput().localpartProperty().set(localpart.toUpperCase());

        assertThat(model.getUserIdInput().problemProperty().get()).isEmpty();
        assertThat(model.getUserIdInput().noteProperty().get()).contains("@" + localpart + ":" + synapse.serverName());
        assertThat(model.getUserId()).isEqualTo("@" + localpart + ":" + synapse.serverName());
    }

    @Test
    void passwordIsCheckedAgainstTheServerPolicyWhileTyping() {
        EditUserViewModel model = create();

        model.getPassword().passwordProperty().set("short");
        assertThat(model.getPassword().problemProperty().get()).contains(tr("password.problem.too.short", 10));
        model.getPassword().passwordProperty().set("longenough-but-no-digits-or-upper");
        assertThat(model.getPassword().problemProperty().get()).contains(tr("password.problem.needs.digit"))
                .contains(tr("password.problem.needs.uppercase"));
        model.getPassword().passwordProperty().set(PASSWORD);
        assertThat(model.getPassword().problemProperty().get()).isEmpty();
    }

    @Test
    void generatedPasswordMeetsThePolicyAndIsCopiedOnlyWhenAsked() {
        EditUserViewModel model = create();

        model.getPassword().generate();

        assertThat(model.getPassword().problemProperty().get()).isEmpty();
        assertThat(model.getPassword().generatedProperty().get()).isEqualTo(model.getPassword().passwordProperty().get());
        assertThat(dialogs.clipboard).isEmpty();
        model.getPassword().copyGenerated();
        assertThat(dialogs.clipboard).containsExactly(model.getPassword().passwordProperty().get());
    }

    @Test
    void failedCreateKeepsEveryFieldAsTyped() {
        EditUserViewModel model = create();
        String localpart = TestSynapse.uniqueLocalpart("race");
        model.getUserIdInput().localpartProperty().set(localpart);
        assertThat(model.getUserIdInput().availabilityProperty().get()).isEqualTo(UserIdInput.Availability.AVAILABLE);
        model.displayNameProperty().set("Kept Name");
        model.getContacts().newEmailProperty().set("kept@example.org");
        model.getContacts().addEmail();
        model.getPassword().passwordProperty().set(PASSWORD);
        // Another admin takes the name between the availability check and Save.
        String userId = "@" + localpart + ":" + synapse.serverName();
        admin.createUser(userId, new UserUpdate().password(PASSWORD).displayName("Existing"));

        model.save();

        assertThat(model.getError()).isNotNull();
        assertThat(model.getError().message()).isEqualTo(tr("error.conflict"));
        assertThat(model.getUserIdInput().problemProperty().get()).isEqualTo(tr("edit.user.taken"));
        assertThat(model.getUserIdInput().localpartProperty().get()).isEqualTo(localpart);
        assertThat(model.displayNameProperty().get()).isEqualTo("Kept Name");
        assertThat(model.getContacts().getEmails()).containsExactly("kept@example.org");
        assertThat(model.getPassword().passwordProperty().get()).isEqualTo(PASSWORD);
        assertThat(model.closeRequestedProperty().get()).isFalse();
        assertThat(admin.getUser(userId).displayName()).as("the existing account is untouched").isEqualTo("Existing");
    }

    @Test
    void editAddsOneEmailAndRemovesAnotherWithoutDroppingTheRest() {
        String userId = existing("mails", "keep@example.org", "drop@example.org");
        EditUserViewModel model = edit(userId);

        model.getContacts().newEmailProperty().set("new@example.org");
        model.getContacts().addEmail();
        model.getContacts().removeEmail("drop@example.org");
        model.save();

        assertThat(admin.getUser(userId).emails()).extracting(Threepid::address)
                .containsExactlyInAnyOrder("keep@example.org", "new@example.org");
        assertThat(model.closeRequestedProperty().get()).isTrue();
    }

    @Test
    void malformedAndDuplicateEmailsAreRefusedWithAReason() {
        EditUserViewModel model = create();
        model.getContacts().newEmailProperty().set("not-an-email");
        assertThat(model.getContacts().addEmail()).isFalse();
        assertThat(model.getContacts().emailProblemProperty().get()).isEqualTo(tr("edit.email.invalid"));
        assertThat(model.getContacts().newEmailProperty().get()).as("typed text kept").isEqualTo("not-an-email");

        model.getContacts().newEmailProperty().set("a@example.org");
        model.getContacts().addEmail();
        model.getContacts().newEmailProperty().set("A@Example.org");
        assertThat(model.getContacts().addEmail()).isFalse();
        assertThat(model.getContacts().emailProblemProperty().get()).isEqualTo(tr("edit.email.duplicate"));
    }

    @Test
    void emptyDisplayNameRemovesItOnEditOnceConfirmed() {
        String userId = existing("noname");
        EditUserViewModel model = edit(userId);

        model.displayNameProperty().set("");
        dialogs.answer(true);
        model.save();

        assertThat(admin.getUser(userId).displayName()).isNullOrEmpty();
    }

    @Test
    void grantingAdminAsksFirstAndDecliningSendsNothing() {
        String userId = existing("grant");
        EditUserViewModel model = edit(userId);
        model.adminProperty().set(true);

        dialogs.answer(false);
        model.save();
        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(admin.getUser(userId).admin()).isFalse();
        assertThat(model.adminProperty().get()).as("choice kept for another try").isTrue();

        dialogs.answer(true);
        model.save();
        assertThat(admin.getUser(userId).admin()).isTrue();
    }

    @Test
    void removingYourOwnAdminRightsIsRefused() {
        EditUserViewModel model = edit(synapse.adminUser());
        model.adminProperty().set(false);

        model.save();

        assertThat(model.getError().message()).isEqualTo(tr("edit.demote.self"));
        assertThat(admin.getUser(synapse.adminUser()).admin()).isTrue();
    }

    @Test
    void pictureIsUploadedAndSetAndANonPictureIsRefused(@TempDir Path dir) throws Exception {
        String userId = existing("pic");
        EditUserViewModel model = edit(userId);
        Path text = Files.writeString(dir.resolve("photo.png"), "this is not a picture");
        dialogs.pickImage(text);
        model.getAvatar().choose();
        assertThat(model.getAvatar().problemProperty().get()).isEqualTo(tr("edit.avatar.not.image"));

        Path png = dir.resolve("avatar.png");
        try (var in = getClass().getResourceAsStream("/app/registrar/testing/avatar.png")) {
            Files.copy(in, png);
        }
        dialogs.pickImage(png);
        model.getAvatar().choose();
        assertThat(model.getAvatar().problemProperty().get()).isEmpty();
        model.save();

        assertThat(admin.getUser(userId).avatarUrl()).startsWith("mxc://");
    }
}
