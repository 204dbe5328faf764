package app.registrar.mas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.registrar.api.Device;
import app.registrar.api.ErrorCategory;
import app.registrar.api.ExternalId;
import app.registrar.api.MatrixApiException;
import app.registrar.api.Threepid;
import app.registrar.api.UserDetails;
import app.registrar.api.UserPage;
import app.registrar.api.UserQuery;
import app.registrar.api.UserUpdate;
import app.registrar.store.AccountStore;
import app.registrar.testing.MasExtension;
import app.registrar.testing.MasProbe;
import app.registrar.testing.MasSignedIn;
import app.registrar.testing.TestMas;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every account task on a server whose accounts MAS owns, through Registrar's MAS account store, against the real
 * MAS + Synapse stack. Each outcome is read back with plain HTTP from MAS's admin API or Synapse's ({@link MasProbe}),
 * never through Registrar's own client classes.
 */
@ExtendWith(MasExtension.class)
class MasAccountTasksTest {

    private static AccountStore store;
    private static MasProbe probe;
    private static TestMas mas;

    @BeforeAll
    static void signIn(TestMas stack) {
        mas = stack;
        store = MasSignedIn.asAdmin(stack).accountStore();
        probe = new MasProbe(stack);
    }

    private static String strongPassword() {
        return "Mas-" + UUID.randomUUID();
    }

    private static String userId(String localpart) {
        return "@" + localpart + ":" + mas.serverName();
    }

    /** An account made independently of Registrar, with a password. */
    private static String existing(String prefix, String password) {
        String localpart = TestMas.newLocalpart(prefix);
        probe.createAccount(localpart, password);
        probe.awaitSynapseUser(userId(localpart), user -> true);
        return localpart;
    }

    private static List<String> masEmails(String localpart) {
        return probe.mas("GET", "user-emails?filter[user]=" + probe.masUserId(localpart), null).body()
                .path("data").findValuesAsText("email");
    }

    private static JsonNode masAttributes(String localpart) {
        return probe.masUser(localpart).orElseThrow().path("attributes");
    }

    @Test
    void createMakesAnAccountWithPasswordEmailsAndNameThatCanSignIn() {
        String localpart = TestMas.newLocalpart("created");
        String password = strongPassword();

        String one = localpart + ".one@example.org";
        String two = localpart + ".two@example.org";

        UserDetails created = store.createUser(userId(localpart), new UserUpdate().password(password)
                .displayName("Created Person").threepids(List.of(Threepid.email(one), Threepid.email(two))));

        assertThat(created.userId()).isEqualTo(userId(localpart));
        assertThat(masEmails(localpart)).containsExactlyInAnyOrder(one, two);
        assertThat(probe.passwordLoginStatus(localpart, password)).isEqualTo(200);
        assertThat(probe.awaitSynapseUser(userId(localpart), u -> "Created Person".equals(u.path("displayname").asText()))
                .path("displayname").asText()).isEqualTo("Created Person");
    }

    @Test
    void createRefusesAnExistingUserName() {
        String localpart = existing("taken", strongPassword());

        assertThatThrownBy(() -> store.createUser(userId(localpart), new UserUpdate().password(strongPassword())))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT));
    }

    @Test
    void newPasswordReplacesTheOldAndSignsTheOldSessionsOut() {
        String oldPassword = strongPassword();
        String localpart = existing("passwd", oldPassword);
        String oldToken = probe.passwordLogin(localpart, oldPassword);
        String newPassword = strongPassword();

        store.resetPassword(userId(localpart), newPassword, true);

        assertThat(probe.passwordLoginStatus(localpart, newPassword)).isEqualTo(200);
        assertThat(probe.passwordLoginStatus(localpart, oldPassword)).isEqualTo(403);
        assertThat(probe.whoamiStatus(oldToken)).isEqualTo(401);
    }

    @Test
    void weakPasswordIsRefusedByMasPolicyAndTheOldOneKeepsWorking() {
        String password = strongPassword();
        String localpart = existing("weak", password);

        assertThatThrownBy(() -> store.resetPassword(userId(localpart), "password1", false))
                .isInstanceOfSatisfying(MatrixApiException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.PASSWORD_TOO_WEAK);
                });
        assertThat(probe.passwordLoginStatus(localpart, password)).isEqualTo(200);
    }

    @Test
    void emailsAreAddedAndRemovedOneByOne() {
        String localpart = existing("emails", strongPassword());

        store.addEmail(userId(localpart), "Keep." + localpart + "@Example.org");
        store.addEmail(userId(localpart), "drop." + localpart + "@example.org");
        UserDetails after = store.removeEmail(userId(localpart), "drop." + localpart + "@example.org");

        // Addresses are kept in lower case, whatever the admin typed.
        assertThat(masEmails(localpart)).containsExactly("keep." + localpart + "@example.org");
        assertThat(after.emails()).extracting(Threepid::address).containsExactly("keep." + localpart + "@example.org");
    }

    @Test
    void singleSignOnLinksAreAddedAndRemoved() {
        String localpart = existing("sso", strongPassword());
        ExternalId identity = new ExternalId("Example SSO", "subject-" + localpart);

        UserDetails linked = store.addExternalId(userId(localpart), identity);
        JsonNode links = probe.mas("GET", "upstream-oauth-links?filter[user]=" + probe.masUserId(localpart), null).body().path("data");
        store.removeExternalId(userId(localpart), identity);
        JsonNode after = probe.mas("GET", "upstream-oauth-links?filter[user]=" + probe.masUserId(localpart), null).body().path("data");

        assertThat(links.findValuesAsText("subject")).containsExactly("subject-" + localpart);
        assertThat(links.findValuesAsText("provider_id")).containsExactly(mas.ssoProviderId());
        assertThat(linked.externalIds()).containsExactly(identity);
        assertThat(after.size()).isZero();
    }

    @Test
    void lockAndUnlockAreMasState() {
        String localpart = existing("lock", strongPassword());

        store.setLocked(userId(localpart), true);
        boolean lockedInMas = !masAttributes(localpart).path("locked_at").isNull();
        UserDetails unlocked = store.setLocked(userId(localpart), false);

        assertThat(lockedInMas).isTrue();
        assertThat(masAttributes(localpart).path("locked_at").isNull()).isTrue();
        assertThat(unlocked.locked()).isFalse();
    }

    @Test
    void deactivateWithoutEraseKeepsTheProfileAndReactivateBringsTheAccountBack() {
        String localpart = existing("deact", strongPassword());
        store.modifyUser(userId(localpart), new UserUpdate().displayName("Still Named"));

        store.deactivate(userId(localpart), false);
        JsonNode deactivated = probe.awaitSynapseUser(userId(localpart), u -> u.path("deactivated").asBoolean());
        store.reactivate(userId(localpart), null);
        JsonNode back = probe.awaitSynapseUser(userId(localpart), u -> !u.path("deactivated").asBoolean());

        assertThat(deactivated.path("erased").asBoolean()).isFalse();
        assertThat(deactivated.path("displayname").asText()).isEqualTo("Still Named");
        assertThat(masAttributes(localpart).path("deactivated_at").isNull()).isTrue();
        assertThat(back.path("deactivated").asBoolean()).isFalse();
    }

    @Test
    void deactivateWithEraseMarksTheAccountErasedInSynapse() {
        String localpart = existing("erase", strongPassword());

        store.deactivate(userId(localpart), true);

        assertThat(masAttributes(localpart).path("deactivated_at").isNull()).isFalse();
        // Synapse marks the account erased before it marks it deactivated, in the job MAS started: wait for both.
        JsonNode synapse = probe.awaitSynapseUser(userId(localpart),
                u -> u.path("erased").asBoolean() && u.path("deactivated").asBoolean());
        assertThat(synapse.path("erased").asBoolean()).isTrue();
        assertThat(synapse.path("deactivated").asBoolean()).isTrue();
    }

    @Test
    void adminRightIsMasCanRequestAdmin() {
        String localpart = existing("admin", strongPassword());

        store.setAdmin(userId(localpart), true);
        boolean granted = masAttributes(localpart).path("admin").asBoolean();
        store.setAdmin(userId(localpart), false);

        assertThat(granted).isTrue();
        assertThat(masAttributes(localpart).path("admin").asBoolean()).isFalse();
    }

    @Test
    void sessionsAreListedAndSignedOutOneByOne() {
        String password = strongPassword();
        String localpart = existing("sessions", password);
        String first = probe.passwordLogin(localpart, password);
        String second = probe.passwordLogin(localpart, password);

        List<Device> sessions = store.devices(userId(localpart));
        assertThat(sessions).extracting(Device::deviceId)
                .containsExactlyInAnyOrder(probe.whoamiDevice(first), probe.whoamiDevice(second));
        store.deleteDevice(userId(localpart), probe.whoamiDevice(first));

        assertThat(store.devices(userId(localpart))).extracting(Device::deviceId).containsExactly(probe.whoamiDevice(second));
        assertThat(finishedInMas(localpart)).hasSize(1);
        assertThat(probe.awaitSignedOut(first)).isEqualTo(401);
        assertThat(probe.whoamiStatus(second)).as("the other session still works").isEqualTo(200);

        store.deleteDevices(userId(localpart), store.devices(userId(localpart)).stream().map(Device::deviceId).toList());

        assertThat(store.devices(userId(localpart))).isEmpty();
        assertThat(finishedInMas(localpart)).hasSize(2);
        assertThat(probe.awaitSignedOut(second)).isEqualTo(401);
    }

    /** The compatibility sessions MAS shows as finished for the account. */
    private static List<String> finishedInMas(String localpart) {
        JsonNode data = probe.mas("GET", "compat-sessions?filter[user]=" + probe.masUserId(localpart)
                + "&filter[status]=finished", null).body().path("data");
        return data.findValuesAsText("id");
    }

    @Test
    void listPagesByCursorBehindOffsetsAndFiltersByStatus() {
        String prefix = "list" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            probe.createAccount(prefix + "-" + i, null);
        }
        UserQuery query = UserQuery.all().withName(prefix).withLimit(2);

        UserPage first = store.listUsers(query);
        UserPage second = store.listUsers(query.withFrom(first.nextToken()));
        UserPage last = store.listUsers(query.withFrom(second.nextToken()));
        UserPage jumped = MasSignedIn.asAdmin(mas).accountStore().listUsers(query.withFrom("4"));

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.users()).hasSize(2);
        assertThat(first.nextToken()).isEqualTo("2");
        assertThat(last.users()).hasSize(1);
        assertThat(last.nextToken()).isNull();
        assertThat(jumped.users()).extracting(u -> u.userId()).isEqualTo(last.users().stream().map(u -> u.userId()).toList());
        List<String> all = new ArrayList<>();
        for (UserPage page : List.of(first, second, last)) {
            page.users().forEach(u -> all.add(u.userId()));
        }
        assertThat(all).doesNotHaveDuplicates().hasSize(5);

        store.deactivate(userId(prefix + "-3"), false);
        UserPage deactivated = store.listUsers(query.withState(UserQuery.AccountState.DEACTIVATED).withLimit(10));
        UserPage active = store.listUsers(query.withLimit(10));
        assertThat(deactivated.users()).extracting(u -> u.userId()).containsExactly(userId(prefix + "-3"));
        assertThat(active.users()).extracting(u -> u.userId()).doesNotContain(userId(prefix + "-3")).hasSize(4);
    }

    @Test
    void activeWithLockedIncludedListsLockedAccountsButNoDeactivatedOneAcrossPages() {
        String prefix = "lockd" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 6; i++) {
            probe.createAccount(prefix + "-" + i, null);
        }
        // Set up in MAS directly: 1 and 4 locked, 2 and 3 deactivated (MAS locks those too).
        for (int i : new int[] {1, 4}) {
            probe.mas("POST", "users/" + probe.masUserId(prefix + "-" + i) + "/lock", Map.of());
        }
        for (int i : new int[] {2, 3}) {
            probe.mas("POST", "users/" + probe.masUserId(prefix + "-" + i) + "/deactivate", Map.of("skip_erase", true));
        }
        UserQuery query = UserQuery.all().withName(prefix).withState(UserQuery.AccountState.ACTIVE).withLocked(true).withLimit(2);

        List<String> shown = new ArrayList<>();
        UserPage page = store.listUsers(query);
        long total = page.total();
        page.users().forEach(u -> shown.add(u.userId()));
        for (int pages = 0; page.nextToken() != null && pages < 5; pages++) {
            page = store.listUsers(query.withFrom(page.nextToken()));
            page.users().forEach(u -> shown.add(u.userId()));
        }
        UserPage jumped = MasSignedIn.asAdmin(mas).accountStore().listUsers(query.withFrom("2"));

        assertThat(shown).containsExactlyInAnyOrder(userId(prefix + "-0"), userId(prefix + "-1"), userId(prefix + "-4"),
                userId(prefix + "-5"));
        assertThat(total).as("the count says what the filter says").isEqualTo(4);
        assertThat(jumped.users()).extracting(u -> u.userId()).isEqualTo(shown.subList(2, 4));
        assertThat(store.listUsers(query.withLocked(false).withLimit(10)).users()).extracting(u -> u.userId())
                .containsExactlyInAnyOrder(userId(prefix + "-0"), userId(prefix + "-5"));
    }

    @Test
    void listJoinsSynapseDisplayNames() {
        String localpart = existing("joined", strongPassword());
        store.modifyUser(userId(localpart), new UserUpdate().displayName("Joined Name"));

        UserPage page = store.listUsers(UserQuery.all().withName(localpart));

        assertThat(page.users()).singleElement().satisfies(u -> {
            assertThat(u.userId()).isEqualTo(userId(localpart));
            assertThat(u.displayName()).isEqualTo("Joined Name");
        });
    }

    @Test
    void synapseOnlyTasksGoToSynapseWithTheMasToken() {
        String localpart = existing("synonly", strongPassword());

        store.modifyUser(userId(localpart), new UserUpdate().displayName("Shown Name"));
        store.setShadowBanned(userId(localpart), true);

        JsonNode synapse = probe.synapseUser(userId(localpart));
        assertThat(synapse.path("displayname").asText()).isEqualTo("Shown Name");
        assertThat(synapse.path("shadow_banned").asBoolean()).isTrue();
        assertThat(store.joinedRoomCount(userId(localpart))).isZero();
    }

    @Test
    void lookUpsFindAccountsByEmailAndBySingleSignOnIdentity() {
        String localpart = existing("lookup", strongPassword());
        store.addEmail(userId(localpart), localpart + "@example.org");
        store.addExternalId(userId(localpart), new ExternalId(mas.ssoProviderId(), "sub-" + localpart));

        assertThat(store.findUserByThreepid("email", localpart + "@example.org")).contains(userId(localpart));
        assertThat(store.findUserByExternalId("Example SSO", "sub-" + localpart)).contains(userId(localpart));
        assertThat(store.isUsernameAvailable(localpart)).isFalse();
        assertThat(store.isUsernameAvailable(TestMas.newLocalpart("free"))).isTrue();
        assertThat(probe.mas("GET", "users/by-username/" + localpart, null).status()).isEqualTo(200);
    }
}
