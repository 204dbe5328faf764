package app.registrar.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each seed task of the account guides, done through {@link AdminApi} against the real Synapse. */
@ExtendWith(SynapseExtension.class)
class AccountTasksSynapseTest {

    private static final String PASSWORD = "First-Pass-123!";
    private static final String NEW_PASSWORD = "Second-Pass-456!";

    private TestSynapse synapse;
    private AdminApi admin;

    @BeforeEach
    void signIn(TestSynapse synapse) {
        this.synapse = synapse;
        this.admin = synapse.signedInAdmin().admin();
    }

    private String createAccount(String prefix) {
        String userId = synapse.newUserId(prefix);
        admin.createUser(userId, new UserUpdate().password(PASSWORD).displayName("Test " + prefix));
        return userId;
    }

    private MatrixApiException loginFails(String userId, String password) {
        Homeserver other = new Homeserver(synapse.url());
        return (MatrixApiException) Assertions.catchThrowable(
                () -> other.auth().loginWithPassword(userId, password));
    }

    @Test
    void createdAccountReadsBackWithDisplayNameTwoEmailsAndSsoIdentity() {
        String userId = synapse.newUserId("create");
        admin.createUser(userId, new UserUpdate()
                .password(PASSWORD)
                .displayName("Alice Example")
                .threepids(List.of(Threepid.email("alice@example.org"), Threepid.email("alice.work@example.org")))
                .externalIds(List.of(new ExternalId("oidc-github", "alice-gh-" + userId.hashCode()))));

        UserDetails read = admin.getUser(userId);

        assertThat(read.userId()).isEqualTo(userId);
        assertThat(read.displayName()).isEqualTo("Alice Example");
        assertThat(read.emails()).extracting(Threepid::address)
                .containsExactlyInAnyOrder("alice@example.org", "alice.work@example.org");
        assertThat(read.externalIds()).containsExactly(new ExternalId("oidc-github", "alice-gh-" + userId.hashCode()));
        assertThat(read.deactivated()).isFalse();
        assertThat(read.createdAt()).isNotNull();
        assertThat(read.createdAt().getEpochSecond()).isCloseTo(System.currentTimeMillis() / 1000, Offset.offset(600L));
        assertThat(new Homeserver(synapse.url()).auth().loginWithPassword(userId, PASSWORD).userId()).isEqualTo(userId);
    }

    @Test
    void creatingAnAccountThatExistsFailsWithConflictAndChangesNothing() {
        String userId = createAccount("exists");

        assertThatThrownBy(() -> admin.createUser(userId, new UserUpdate().displayName("Overwritten")))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT));
        assertThat(admin.getUser(userId).displayName()).isEqualTo("Test exists");
    }

    @Test
    void addingAnEmailAndRemovingAnotherKeepsTheRest() {
        String userId = synapse.newUserId("emails");
        admin.createUser(userId, new UserUpdate().password(PASSWORD)
                .threepids(List.of(Threepid.email("one@example.org"), Threepid.email("two@example.org"))));

        admin.addEmail(userId, "Three@Example.org");
        UserDetails afterRemove = admin.removeEmail(userId, "one@example.org");

        assertThat(afterRemove.emails()).extracting(Threepid::address)
                .containsExactlyInAnyOrder("two@example.org", "three@example.org");
        assertThat(admin.getUser(userId).emails()).extracting(Threepid::address)
                .containsExactlyInAnyOrder("two@example.org", "three@example.org");
        assertThat(admin.findUserByThreepid("email", "three@example.org")).contains(userId);
        assertThat(admin.findUserByThreepid("email", "one@example.org")).isEmpty();
    }

    @Test
    void ssoIdentitiesAreAddedAndRemovedOneByOneAndFoundByLookUp() {
        String userId = createAccount("sso");
        ExternalId github = new ExternalId("github", "gh-" + userId.hashCode());
        ExternalId google = new ExternalId("google", "gg-" + userId.hashCode());

        admin.addExternalId(userId, github);
        admin.addExternalId(userId, google);
        UserDetails after = admin.removeExternalId(userId, github);

        assertThat(after.externalIds()).containsExactly(google);
        assertThat(admin.findUserByExternalId("google", google.externalId())).contains(userId);
        assertThat(admin.findUserByExternalId("github", github.externalId())).isEmpty();
    }

    @Test
    void resetPasswordLetsTheNewOneSignInAndRefusesTheOld() {
        String userId = createAccount("reset");

        admin.resetPassword(userId, NEW_PASSWORD, true);

        assertThat(loginFails(userId, PASSWORD).category()).isEqualTo(ErrorCategory.WRONG_CREDENTIALS);
        assertThat(new Homeserver(synapse.url()).auth().loginWithPassword(userId, NEW_PASSWORD).userId()).isEqualTo(userId);
    }

    @Test
    void changingThePasswordThroughModifyAlsoWorks() {
        String userId = createAccount("change");

        admin.modifyUser(userId, new UserUpdate().password(NEW_PASSWORD).logoutDevices(false));

        assertThat(new Homeserver(synapse.url()).auth().loginWithPassword(userId, NEW_PASSWORD).userId()).isEqualTo(userId);
    }

    @Test
    void resetWithLogoutRemovesDevicesAndWithoutLogoutKeepsThem() {
        String userId = createAccount("devices");
        Homeserver person = new Homeserver(synapse.url());
        String device = person.auth().loginWithPassword(userId, PASSWORD).deviceId();
        assertThat(admin.devices(userId)).extracting(Device::deviceId).contains(device);

        admin.resetPassword(userId, NEW_PASSWORD, false);
        assertThat(admin.devices(userId)).extracting(Device::deviceId).contains(device);
        assertThat(person.auth().whoami()).isEqualTo(userId);

        admin.resetPassword(userId, PASSWORD, true);
        assertThat(admin.devices(userId)).isEmpty();
        assertThatThrownBy(() -> person.auth().whoami())
                .isInstanceOfSatisfying(MatrixApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.TOKEN_INVALID));
    }

    @Test
    void deactivateWithoutEraseRefusesSignInAndKeepsTheName() {
        String userId = createAccount("deact");
        admin.addEmail(userId, "deact@example.org");

        admin.deactivate(userId, false);

        UserDetails after = admin.getUser(userId);
        assertThat(after.deactivated()).isTrue();
        assertThat(after.erased()).isFalse();
        assertThat(after.displayName()).isEqualTo("Test deact");
        assertThat(after.emails()).isEmpty();
        // Deactivation removes the password hash, so the old password no longer matches anything.
        assertThat(loginFails(userId, PASSWORD).category()).isEqualTo(ErrorCategory.WRONG_CREDENTIALS);
    }

    @Test
    void deactivateWithEraseMarksTheAccountErasedAndRemovesTheName() {
        String userId = createAccount("erase");

        admin.deactivate(userId, true);

        UserDetails after = admin.getUser(userId);
        assertThat(after.deactivated()).isTrue();
        assertThat(after.erased()).isTrue();
        assertThat(after.displayName()).isNullOrEmpty();
        assertThat(loginFails(userId, PASSWORD).category()).isEqualTo(ErrorCategory.WRONG_CREDENTIALS);
    }

    @Test
    void deactivatedAccountWithAPasswordSetIsRefusedAsDeactivated() {
        String userId = createAccount("deactpw");
        admin.deactivate(userId, false);
        admin.modifyUser(userId, new UserUpdate().password(NEW_PASSWORD).logoutDevices(false));

        assertThat(loginFails(userId, NEW_PASSWORD).category()).isEqualTo(ErrorCategory.ACCOUNT_DEACTIVATED);
    }

    @Test
    void reactivateWithANewPasswordLetsThePersonSignInAgain() {
        String userId = createAccount("react");
        admin.deactivate(userId, true);

        UserDetails after = admin.reactivate(userId, NEW_PASSWORD);

        assertThat(after.deactivated()).isFalse();
        assertThat(after.erased()).isFalse();
        assertThat(new Homeserver(synapse.url()).auth().loginWithPassword(userId, NEW_PASSWORD).userId()).isEqualTo(userId);
    }

    @Test
    void lockedAccountCannotSignInUntilUnlocked() {
        String userId = createAccount("lock");

        assertThat(admin.setLocked(userId, true).locked()).isTrue();
        Homeserver person = new Homeserver(synapse.url());
        MatrixApiException refused = (MatrixApiException) Assertions.catchThrowable(() -> {
            person.auth().loginWithPassword(userId, PASSWORD);
            person.auth().whoami();
        });
        assertThat(refused.category()).isEqualTo(ErrorCategory.ACCOUNT_LOCKED);

        assertThat(admin.setLocked(userId, false).locked()).isFalse();
        assertThat(new Homeserver(synapse.url()).auth().loginWithPassword(userId, PASSWORD).userId()).isEqualTo(userId);
    }

    @Test
    void suspendShadowBanAdminFlagAndUserTypeRoundTrip() {
        String userId = createAccount("flags");

        admin.setSuspended(userId, true);
        admin.setShadowBanned(userId, true);
        admin.setAdmin(userId, true);
        admin.setUserType(userId, "bot");
        UserDetails on = admin.getUser(userId);
        assertThat(on.suspended()).isTrue();
        assertThat(on.shadowBanned()).isTrue();
        assertThat(on.admin()).isTrue();
        assertThat(on.userType()).isEqualTo("bot");

        admin.setSuspended(userId, false);
        admin.setShadowBanned(userId, false);
        admin.setAdmin(userId, false);
        admin.setUserType(userId, null);
        UserDetails off = admin.getUser(userId);
        assertThat(off.suspended()).isFalse();
        assertThat(off.shadowBanned()).isFalse();
        assertThat(off.admin()).isFalse();
        assertThat(off.userType()).isNull();
    }

    @Test
    void displayNameIsRemovedWithAnEmptyValueAndKeptWhenOmitted() {
        String userId = createAccount("names");

        admin.modifyUser(userId, new UserUpdate().admin(false));
        assertThat(admin.getUser(userId).displayName()).isEqualTo("Test names");

        admin.modifyUser(userId, new UserUpdate().removeDisplayName());
        assertThat(admin.getUser(userId).displayName()).isNullOrEmpty();
    }

    @Test
    void devicesCanBeListedAndDeletedOneByOneOrSeveralAtOnce() {
        String userId = createAccount("dev");
        String first = new Homeserver(synapse.url()).auth().loginWithPassword(userId, PASSWORD).deviceId();
        String second = new Homeserver(synapse.url()).auth().loginWithPassword(userId, PASSWORD).deviceId();
        String third = new Homeserver(synapse.url()).auth().loginWithPassword(userId, PASSWORD).deviceId();

        admin.deleteDevice(userId, first);
        assertThat(admin.devices(userId)).extracting(Device::deviceId).containsExactlyInAnyOrder(second, third);

        admin.deleteDevices(userId, List.of(second, third));
        assertThat(admin.devices(userId)).isEmpty();
    }

    @Test
    void whoisShowsTheConnectionOfASignedInDevice() {
        String userId = createAccount("whois");
        Homeserver person = new Homeserver(synapse.url());
        String device = person.auth().loginWithPassword(userId, PASSWORD).deviceId();
        person.auth().whoami();

        List<Connection> connections = admin.whois(userId);

        // Synapse 1.163 groups connections under an empty device key, so only address and client are checked.
        assertThat(device).isNotBlank();
        assertThat(connections).anySatisfy(c -> {
            assertThat(c.ip()).isEqualTo("127.0.0.1");
            assertThat(c.userAgent()).containsIgnoringCase("okhttp");
            assertThat(c.lastSeenAt()).isNotNull();
        });
        assertThat(admin.joinedRoomCount(userId)).isZero();
    }

    @Test
    void avatarIsUploadedSetAndItsThumbnailDownloadedWithTheToken() throws Exception {
        String userId = createAccount("avatar");
        byte[] png;
        try (var in = getClass().getResourceAsStream("/app/registrar/testing/avatar.png")) {
            png = in.readAllBytes();
        }

        String mxc = admin.uploadMedia(png, "image/png", "avatar.png");
        admin.modifyUser(userId, new UserUpdate().avatarUrl(mxc));

        assertThat(admin.getUser(userId).avatarUrl()).isEqualTo(mxc);
        byte[] thumbnail = admin.thumbnail(mxc, 32, 32);
        assertThat(thumbnail).isNotEmpty();

        admin.modifyUser(userId, new UserUpdate().removeAvatar());
        assertThat(admin.getUser(userId).avatarUrl()).isNullOrEmpty();
    }

    @Test
    void registrationTokensAreCreatedUpdatedListedAndDeleted() {
        String name = TestSynapseNames.token();
        RegistrationToken created = admin.createRegistrationToken(name, 3, null, null);
        assertThat(created.token()).isEqualTo(name);
        assertThat(created.usesAllowed()).isEqualTo(3);

        RegistrationToken updated = admin.updateRegistrationToken(name, 5, Instant.now().plusSeconds(3600));
        assertThat(updated.usesAllowed()).isEqualTo(5);
        assertThat(updated.expiresAt()).isAfter(Instant.now());
        assertThat(admin.registrationTokens()).extracting(RegistrationToken::token).contains(name);

        admin.deleteRegistrationToken(name);
        assertThat(admin.registrationTokens()).extracting(RegistrationToken::token).doesNotContain(name);
    }

    @Test
    void usernameAvailabilitySaysTakenForExistingAndRefusesInvalidNames() {
        String userId = createAccount("taken");
        String localpart = userId.substring(1, userId.indexOf(':'));

        assertThat(admin.isUsernameAvailable(localpart)).isFalse();
        assertThat(admin.isUsernameAvailable(localpart + "-free")).isTrue();
        assertThatThrownBy(() -> admin.isUsernameAvailable("_underscore"))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
                    assertThat(e.errcode()).contains("M_INVALID_USERNAME");
                });
    }

    @Test
    void unknownUserIsNotFound() {
        String missing = synapse.newUserId("nobody");

        assertThatThrownBy(() -> admin.getUser(missing))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND));
        assertThat(admin.findUser(missing)).isEmpty();
    }

    @Test
    void invalidLocalpartIsRefusedByTheServerAsInvalidInput() {
        assertThatThrownBy(() -> admin.createUser("@Not Valid:" + synapse.serverName(), new UserUpdate().password(PASSWORD)))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT));
    }

    @Test
    void accountOfAnotherServerIsRefusedAsInvalidInput() {
        assertThatThrownBy(() -> admin.getUser("@someone:elsewhere.example"))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT));
    }

    @Test
    void nonAdminTokenGetsTheNotAdminCategory() {
        Homeserver plain = new Homeserver(synapse.url());
        plain.auth().loginWithPassword(synapse.plainUser(), synapse.plainPassword());

        assertThatThrownBy(() -> plain.admin().listUsers(UserQuery.all()))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.NOT_ADMIN);
                    assertThat(e.status()).isEqualTo(403);
                });
    }

    @Test
    void wrongPasswordGetsTheWrongCredentialsCategory() {
        MatrixApiException error = loginFails(synapse.adminUser(), "not-the-password");

        assertThat(error.category()).isEqualTo(ErrorCategory.WRONG_CREDENTIALS);
        assertThat(error.getMessage()).doesNotContain("not-the-password");
    }

    @Test
    void revokedTokenGetsTheTokenInvalidCategory() {
        Homeserver session = synapse.signedInAdmin();
        AdminApi sameToken = session.admin();
        session.auth().logout();
        Homeserver stale = new Homeserver(synapse.url());

        assertThatThrownBy(() -> sameToken.listUsers(UserQuery.all()))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.TOKEN_INVALID));
        assertThat(stale.isSignedIn()).isFalse();
    }
}
