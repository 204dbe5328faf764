package app.registrar.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.UserQuery.AccountState;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Listing against the real Synapse: every filter, both sort orders, paging with {@code next_token}. The accounts
 * share a random prefix and every query filters on it, so accounts made by other tests never count.
 */
@ExtendWith(SynapseExtension.class)
class UserListingSynapseTest {

    private static final String PASSWORD = "List-Pass-123!";
    private static String prefix;
    private static AdminApi admin;
    private static TestSynapse synapse;

    @BeforeAll
    static void createAccounts(TestSynapse server) {
        synapse = server;
        admin = server.signedInAdmin().admin();
        prefix = "lst" + UUID.randomUUID().toString().substring(0, 6);
        create("a-plain", new UserUpdate());
        create("b-plain", new UserUpdate());
        create("c-admin", new UserUpdate().admin(true));
        create("d-bot", new UserUpdate().userType("bot"));
        create("e-support", new UserUpdate().userType("support"));
        create("f-locked", new UserUpdate().locked(true));
        create("g-gone", new UserUpdate());
        admin.deactivate(id("g-gone"), false);
    }

    private static void create(String suffix, UserUpdate update) {
        admin.createUser(id(suffix), update.password(PASSWORD).displayName("Listing " + suffix));
    }

    private static String id(String suffix) {
        return "@" + prefix + "-" + suffix + ":" + synapse.serverName();
    }

    private static UserQuery mine() {
        return UserQuery.all().withName(prefix);
    }

    private static List<String> names(UserQuery query) {
        return admin.listUsers(query).users().stream().map(UserSummary::userId).toList();
    }

    @Test
    void defaultListShowsActiveUnlockedAccountsInUserIdOrder() {
        UserPage page = admin.listUsers(mine());

        assertThat(page.users()).extracting(UserSummary::userId)
                .containsExactly(id("a-plain"), id("b-plain"), id("c-admin"), id("d-bot"), id("e-support"));
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void lockedAccountsAppearOnlyWhenAskedFor() {
        assertThat(names(mine().withLocked(true))).contains(id("f-locked"));
        assertThat(names(mine())).doesNotContain(id("f-locked"));
        assertThat(admin.listUsers(mine().withLocked(true)).users())
                .filteredOn(UserSummary::locked).extracting(UserSummary::userId).containsExactly(id("f-locked"));
    }

    @Test
    void deactivatedFilterShowsOnlyThemOrAllOrNone() {
        assertThat(names(mine().withState(AccountState.DEACTIVATED))).containsExactly(id("g-gone"));
        assertThat(names(mine().withState(AccountState.ALL))).contains(id("g-gone"), id("a-plain"));
        assertThat(names(mine().withState(AccountState.ACTIVE))).doesNotContain(id("g-gone"));
    }

    @Test
    void adminFilterSelectsAdminsOrNonAdmins() {
        assertThat(names(mine().withAdmins(true))).containsExactly(id("c-admin"));
        assertThat(names(mine().withAdmins(false))).doesNotContain(id("c-admin")).contains(id("a-plain"));
    }

    @Test
    void botAndSupportAccountsCanBeLeftOut() {
        List<String> withoutService = names(mine().withNotUserTypes(List.of("bot", "support")));

        assertThat(withoutService).doesNotContain(id("d-bot"), id("e-support")).contains(id("a-plain"));
        assertThat(admin.listUsers(mine()).users()).filteredOn(u -> "bot".equals(u.userType()))
                .extracting(UserSummary::userId).containsExactly(id("d-bot"));
    }

    @Test
    void userIdFilterMatchesPartOfTheId() {
        assertThat(names(UserQuery.all().withUserId(prefix + "-b-"))).containsExactly(id("b-plain"));
    }

    @Test
    void guestsAreListedByDefaultAndLeftOutWhenAsked() {
        Homeserver anonymous = new Homeserver(synapse.url());
        JsonNode guest = new HttpTransport(synapse.url()).postPublic(
                new HttpTransport(synapse.url()).url("_matrix", "client", "v3", "register").newBuilder()
                        .addQueryParameter("kind", "guest").build(), Map.of(), JsonNode.class);
        String guestId = guest.path("user_id").asText();
        assertThat(anonymous.isSignedIn()).isFalse();

        List<String> withGuests = names(UserQuery.all().withUserId(guestId));
        List<String> withoutGuests = names(UserQuery.all().withUserId(guestId).withGuests(false));

        assertThat(withGuests).contains(guestId);
        assertThat(withoutGuests).doesNotContain(guestId);
        assertThat(admin.getUser(guestId).guest()).isTrue();
    }

    @Test
    void sortOrdersByNameAndCreationDateInBothDirections() {
        List<String> ascending = names(mine().withOrder("name", false));
        List<String> descending = names(mine().withOrder("name", true));
        List<Instant> oldestFirst = admin.listUsers(mine().withOrder("creation_ts", false)).users()
                .stream().map(UserSummary::createdAt).toList();
        List<Instant> newestFirst = admin.listUsers(mine().withOrder("creation_ts", true)).users()
                .stream().map(UserSummary::createdAt).toList();

        assertThat(ascending).isSorted().hasSize(5);
        assertThat(descending).isEqualTo(reversed(ascending));
        // Synapse stores creation times in whole seconds, so accounts made in the same second tie.
        assertThat(oldestFirst).isSorted().hasSize(5);
        assertThat(newestFirst).isSortedAccordingTo(Comparator.reverseOrder()).hasSize(5);
    }

    @Test
    void pagingWithNextTokenVisitsEveryAccountOnceAndMatchesTheTotal() {
        UserQuery query = mine().withState(AccountState.ALL).withLocked(true).withLimit(2);
        List<String> seen = new ArrayList<>();
        UserPage page = admin.listUsers(query);
        long total = page.total();
        int pages = 1;
        seen.addAll(page.users().stream().map(UserSummary::userId).toList());
        while (page.next().isPresent()) {
            page = admin.listUsers(query.withFrom(page.nextToken()));
            seen.addAll(page.users().stream().map(UserSummary::userId).toList());
            pages++;
        }

        assertThat(total).isEqualTo(7);
        assertThat(pages).isEqualTo(4);
        assertThat(seen).doesNotHaveDuplicates().hasSize(7);
    }

    @Test
    void listRowsCarryCreationTimeInMillisecondsConvertedToInstants() {
        UserSummary row = admin.listUsers(mine()).users().get(0);
        UserDetails details = admin.getUser(row.userId());

        assertThat(row.createdAt()).isNotNull();
        assertThat(Math.abs(row.createdAt().getEpochSecond() - details.createdAt().getEpochSecond())).isLessThanOrEqualTo(1);
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
