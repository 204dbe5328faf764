package app.registrar.faults;

import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.api.UserUpdate;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.common.TextSafety;
import app.registrar.ui.deactivate.DeactivateViewModel;
import app.registrar.ui.edituser.EditUserViewModel;
import app.registrar.ui.edituser.UserIdInput;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's bad input, cases 1–6 and 15, against the real Synapse: each checks the plain message, that what the
 * admin typed is still there, and that nothing reached the server that should not have.
 */
@ExtendWith(SynapseExtension.class)
class BadInputSynapseTest {

    private static final String PASSWORD = "Fault-Pass-2026!";

    private TestSynapse synapse;
    private SignedIn signedIn;
    private AdminApi admin;
    private final FakeDialogService dialogs = new FakeDialogService();

    @BeforeEach
    void connect(TestSynapse synapse) {
        this.synapse = synapse;
        signedIn = SignedIn.asAdmin(synapse);
        admin = synapse.signedInAdmin().admin();
    }

    private EditUserViewModel create(String typedLocalpart) {
        EditUserViewModel model = EditUserViewModel.forCreate(signedIn.accounts(), dialogs, synapse.serverName(),
                synapse.adminUser(), signedIn.server().passwordPolicy(), saved -> { });
        model.getUserIdInput().localpartProperty().set(typedLocalpart);
        model.getPassword().passwordProperty().set(PASSWORD);
        return model;
    }

    private EditUserViewModel edit(String userId) {
        return EditUserViewModel.forEdit(signedIn.accounts(), dialogs, synapse.adminUser(),
                signedIn.server().passwordPolicy(), admin.getUser(userId), saved -> { });
    }

    private void assertRefusedLocally(String typed, String messageKey) {
        EditUserViewModel model = create(typed);
        model.save();
        assertThat(model.getUserIdInput().problemProperty().get()).isEqualTo(tr(messageKey));
        assertThat(model.canSaveProperty().get()).isFalse();
        assertThat(model.getUserIdInput().localpartProperty().get()).as("typed text kept").isEqualTo(typed);
    }

    @Test
    void case1SpacesAccentsAndSignsInANewLocalpartAreExplained() {
        for (String typed : new String[] {"al ice", "zoë", "a#b", "a@b", "a:b"}) {
            assertRefusedLocally(typed, "edit.user.problem.invalid.characters");
        }
    }

    @Test
    void case1LeadingUnderscoreAndOnlyDigitsAreExplained() {
        assertRefusedLocally("_bridge", "edit.user.problem.starts.with.underscore");
        assertRefusedLocally("20261127", "edit.user.problem.only.digits");
    }

    @Test
    void case1UserIdOverTwoHundredFiftyFiveBytesIsExplained() {
        assertRefusedLocally("a".repeat(250), "edit.user.problem.too.long");
    }

    @Test
    void case1UserIdOfAnotherServerIsRefusedAndTheServerAgrees() {
        EditUserViewModel model = create("@alice:elsewhere.example");
        model.save();

        assertThat(model.getUserIdInput().problemProperty().get()).isEqualTo(tr("edit.user.problem.other.server", synapse.serverName()));
        MatrixApiException server = Assertions.catchThrowableOfType(MatrixApiException.class,
                () -> admin.getUser("@alice:elsewhere.example"));
        assertThat(server.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
    }

    @Test
    void case1NameInAnApplicationServiceNamespaceIsReportedAsReservedAndNotCreated() {
        String localpart = "irc_" + TestSynapse.uniqueLocalpart("x");
        EditUserViewModel model = create(localpart);

        model.save();

        assertThat(model.getUserIdInput().availabilityProperty().get()).isEqualTo(UserIdInput.Availability.RESERVED);
        assertThat(model.getUserIdInput().problemProperty().get()).isEqualTo(tr("edit.user.reserved"));
        assertThat(admin.findUser("@" + localpart + ":" + synapse.serverName())).isEmpty();
    }

    @Test
    void case1UpperCaseIsLoweredNotRefused() {
        String localpart = TestSynapse.uniqueLocalpart("case");
        EditUserViewModel model = create(localpart.toUpperCase());

        model.save();

        assertThat(admin.findUser("@" + localpart + ":" + synapse.serverName())).isPresent();
    }

    @Test
    void case2UserIdWithSlashDotsAndSignsTravelsAsOnePathSegmentToTheRealServer() {
        String userId = "@" + TestSynapse.uniqueLocalpart("a/../b=c+d") + ":" + synapse.serverName();

        admin.createUser(userId, new UserUpdate().password(PASSWORD).displayName("Slashes"));
        admin.addEmail(userId, "slash@example.org");

        assertThat(admin.getUser(userId).displayName()).isEqualTo("Slashes");
        assertThat(admin.devices(userId)).isEmpty();
        assertThat(admin.findUser("@a:" + synapse.serverName())).isEmpty();
    }

    @Test
    void case2DotSegmentsAsDeviceIdsAreRefusedBeforeAnythingIsSent() {
        String userId = synapse.newUserId("dots");
        admin.createUser(userId, new UserUpdate().password(PASSWORD));

        for (String device : new String[] {".", ".."}) {
            MatrixApiException error = Assertions.catchThrowableOfType(MatrixApiException.class,
                    () -> admin.deleteDevice(userId, device));
            assertThat(error.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
        }
        assertThat(admin.getUser(userId).deactivated()).isFalse();
    }

    @Test
    void case3CaseVariantOfAnExistingAccountCountsAsTaken() {
        String localpart = TestSynapse.uniqueLocalpart("twin");
        admin.createUser("@" + localpart + ":" + synapse.serverName(), new UserUpdate().password(PASSWORD).displayName("Original"));

        EditUserViewModel model = create(localpart.toUpperCase());
        model.save();

        assertThat(model.getUserIdInput().availabilityProperty().get()).isEqualTo(UserIdInput.Availability.TAKEN);
        assertThat(admin.getUser("@" + localpart + ":" + synapse.serverName()).displayName()).isEqualTo("Original");
    }

    @Test
    void case4PasswordsEmptyTooLongAgainstPolicyOrWithControlCharactersAreExplained() {
        EditUserViewModel model = create(TestSynapse.uniqueLocalpart("pw"));
        model.getPassword().passwordProperty().set("");
        assertThat(model.canSaveProperty().get() && !model.getPassword().passwordProperty().get().isEmpty()).isFalse();
        model.getPassword().passwordProperty().set("Aa1!" + "x".repeat(509));
        assertThat(model.getPassword().problemProperty().get()).contains(tr("password.problem.too.long"));
        model.getPassword().passwordProperty().set("weakpassword");
        assertThat(model.getPassword().problemProperty().get()).contains(tr("password.problem.needs.digit"));
        model.getPassword().passwordProperty().set("Tab\tInside-Pass-1");
        assertThat(model.getPassword().problemProperty().get()).contains(tr("password.problem.control.characters"));
        assertThat(model.canSaveProperty().get()).isFalse();
    }

    @Test
    void case4TheServerItselfRefusesPasswordsOverFiveHundredTwelveCharacters() {
        String userId = synapse.newUserId("long");
        MatrixApiException error = Assertions.catchThrowableOfType(MatrixApiException.class,
                () -> admin.createUser(userId, new UserUpdate().password("Aa1!" + "x".repeat(509))));

        assertThat(error.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
        assertThat(admin.findUser(userId)).isEmpty();
    }

    @Test
    void case5DisplayNameOverTwoHundredFiftySixCharactersIsRefusedBeforeSending() {
        EditUserViewModel model = create(TestSynapse.uniqueLocalpart("longname"));
        model.displayNameProperty().set("n".repeat(257));

        assertThat(model.displayNameProblemProperty().get()).isEqualTo(tr("edit.display.too.long"));
        assertThat(model.canSaveProperty().get()).isFalse();
    }

    @Test
    void case5EmptyDisplayNameAsksBeforeRemovingIt() {
        String userId = synapse.newUserId("named");
        admin.createUser(userId, new UserUpdate().password(PASSWORD).displayName("Keep Me"));
        EditUserViewModel model = edit(userId);
        model.displayNameProperty().set("");

        dialogs.answer(false);
        model.save();
        assertThat(admin.getUser(userId).displayName()).isEqualTo("Keep Me");
        assertThat(model.displayNameProperty().get()).isEmpty();

        dialogs.answer(true);
        model.save();
        assertThat(admin.getUser(userId).displayName()).isNullOrEmpty();
    }

    @Test
    void case5DirectionOverridesAndZeroWidthCharactersAreShownAsPlainMarkers() {
        String userId = synapse.newUserId("bidi");
        String tricky = "admin\u202Egnp.exe\u200B";
        admin.createUser(userId, new UserUpdate().password(PASSWORD).displayName(tricky));

        String shown = TextSafety.visible(admin.getUser(userId).displayName());

        assertThat(shown).isEqualTo("admin[U+202E]gnp.exe[U+200B]");
        assertThat(edit(userId).displayNameNoteProperty().get()).contains("[U+202E]");
    }

    @Test
    void case6FileThatIsNotAPictureOrTooLargeIsRefusedAndNothingUploaded(@TempDir Path dir) throws Exception {
        String userId = synapse.newUserId("avatar");
        admin.createUser(userId, new UserUpdate().password(PASSWORD));
        EditUserViewModel model = edit(userId);
        dialogs.pickImage(Files.writeString(dir.resolve("photo.jpg"), "<html>not a picture</html>"));
        model.getAvatar().choose();
        assertThat(model.getAvatar().problemProperty().get()).isEqualTo(tr("edit.avatar.not.image"));

        Path big = dir.resolve("huge.png");
        byte[] bytes = new byte[6 * 1024 * 1024];
        bytes[0] = (byte) 0x89;
        bytes[1] = 'P';
        bytes[2] = 'N';
        bytes[3] = 'G';
        Files.write(big, bytes);
        dialogs.pickImage(big);
        model.getAvatar().choose();
        assertThat(model.getAvatar().problemProperty().get()).isEqualTo(tr("edit.avatar.too.large"));
        assertThat(model.getAvatar().isPresent()).isFalse();
    }

    @Test
    void case6MalformedAndDuplicateEmailsAreRefusedAndTheTypedTextKept() {
        EditUserViewModel model = create(TestSynapse.uniqueLocalpart("mail"));
        model.getContacts().newEmailProperty().set("name@@example");
        assertThat(model.getContacts().addEmail()).isFalse();
        assertThat(model.getContacts().emailProblemProperty().get()).isEqualTo(tr("edit.email.invalid"));
        assertThat(model.getContacts().newEmailProperty().get()).isEqualTo("name@@example");
        model.getContacts().newEmailProperty().set("dup@example.org");
        model.getContacts().addEmail();
        model.getContacts().newEmailProperty().set("DUP@example.org");
        assertThat(model.getContacts().addEmail()).isFalse();
        assertThat(model.getContacts().emailProblemProperty().get()).isEqualTo(tr("edit.email.duplicate"));
    }

    @Test
    void case15DeactivatingOrDemotingYourOwnAccountIsRefused() {
        DeactivateViewModel deactivate = new DeactivateViewModel(
                signedIn.accounts(), dialogs, synapse.adminUser(), synapse.adminUser(), () -> { });
        deactivate.typedUserIdProperty().set(synapse.adminUser());
        deactivate.deactivate();
        EditUserViewModel demote = edit(synapse.adminUser());
        demote.adminProperty().set(false);
        demote.save();

        assertThat(deactivate.canDeactivateProperty().get()).isFalse();
        assertThat(demote.getError().message()).isEqualTo(tr("edit.demote.self"));
        assertThat(admin.getUser(synapse.adminUser()).deactivated()).isFalse();
        assertThat(admin.getUser(synapse.adminUser()).admin()).isTrue();
    }
}
