package app.registrar.ui.userlist;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.UserQuery.AccountState;
import app.registrar.api.UserUpdate;
import app.registrar.service.ManualTaskExecutor;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SynapseExtension.class)
class UserListViewModelTest {

    private static final int ACCOUNTS = 230;
    private static String prefix;
    private static TestSynapse synapse;
    private static AdminApi admin;

    @BeforeAll
    static void createManyAccounts(TestSynapse server) {
        synapse = server;
        admin = server.signedInAdmin().admin();
        prefix = "pg" + UUID.randomUUID().toString().substring(0, 6);
        IntStream.range(0, ACCOUNTS).parallel().forEach(i ->
                admin.createUser(id(i), new UserUpdate().password("Paging-Pass-1").displayName("Paging " + i)));
        admin.deactivate(id(7), false);
        admin.setAdmin(id(8), true);
    }

    private static String id(int i) {
        return "@" + prefix + "-" + String.format("%03d", i) + ":" + synapse.serverName();
    }

    private UserListViewModel searching(String text) {
        UserListViewModel model = new UserListViewModel(SignedIn.asAdmin(synapse).accounts());
        model.searchProperty().set(text);
        model.refresh();
        return model;
    }

    @Test
    void searchShowsTheTotalAndLoadsOnlyTheFirstPage() {
        UserListViewModel model = searching(prefix);

        assertThat(model.totalProperty().get()).isEqualTo(ACCOUNTS - 1);
        assertThat(model.getRows()).hasSize(ACCOUNTS - 1);
        assertThat(model.pagedRows().loadedPages()).isEqualTo(1);
        assertThat(model.getRows().get(0).getUserId()).isEqualTo(id(0));
        assertThat(model.summaryProperty().get()).contains(Integer.toString(ACCOUNTS - 1));
    }

    @Test
    void scrollingFarDownFetchesThatPageDirectly() {
        UserListViewModel model = searching(prefix);

        UserRowViewModel row = model.getRows().get(210);

        assertThat(row.isLoading()).isFalse();
        assertThat(row.getUserId()).isEqualTo(id(211)); // id(7) is deactivated and hidden
        assertThat(model.pagedRows().loadedPages()).isEqualTo(2);
    }

    @Test
    void aJumpAsksForThePagesOfTheRowsAboutToBeShownBeforeTheTableAsksForTheRows() {
        UserListViewModel model = searching(prefix);

        model.willShow(190, 20);

        // rows 190-209 straddle the second and third pages; no row was read yet
        assertThat(model.pagedRows().loadedPages()).isEqualTo(3);
        model.willShow(225, 20);
        assertThat(model.pagedRows().loadedPages()).as("nothing past the last row").isEqualTo(3);
        assertThat(model.getRows().get(209).isLoading()).isFalse();
    }

    @Test
    void fullUserIdSearchMatchesTheWholeId() {
        UserListViewModel model = searching(id(42));

        assertThat(model.getRows()).extracting(UserRowViewModel::getUserId).containsExactly(id(42));
    }

    @Test
    void filtersSelectDeactivatedAndAdminAccounts() {
        UserListViewModel model = searching(prefix);

        model.stateProperty().set(AccountState.DEACTIVATED);
        assertThat(model.getRows()).extracting(UserRowViewModel::getUserId).containsExactly(id(7));

        model.stateProperty().set(AccountState.ACTIVE);
        model.onlyAdminsProperty().set(true);
        assertThat(model.getRows()).extracting(UserRowViewModel::getUserId).containsExactly(id(8));
        assertThat(model.getRows().get(0).getStatusText()).contains("Admin");
    }

    @Test
    void sortingByUserIdBackwardsPutsTheLastFirst() {
        UserListViewModel model = searching(prefix);

        model.sortBy(UserListViewModel.SortColumn.USER_ID, true);

        assertThat(model.getRows().get(0).getUserId()).isEqualTo(id(ACCOUNTS - 1));
    }

    @Test
    void rowsOfANotYetLoadedPageArePlaceholdersUntilItArrives() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        UserListViewModel model = new UserListViewModel(SignedIn.asAdmin(synapse, executor).accounts());
        model.searchProperty().set(prefix);
        model.refresh();
        executor.runAll();
        List<Integer> replaced = new ArrayList<>();
        model.getRows().addListener((ListChangeListener<UserRowViewModel>) change -> {
            while (change.next()) {
                if (change.wasReplaced()) {
                    replaced.add(change.getFrom());
                }
            }
        });

        UserRowViewModel placeholder = model.getRows().get(150);
        assertThat(placeholder.isLoading()).isTrue();
        executor.runAll();

        assertThat(model.getRows().get(150).isLoading()).isFalse();
        assertThat(replaced).contains(100);
    }

    @Test
    void staleSearchAnswerArrivingLateIsDropped() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        UserListViewModel model = new UserListViewModel(SignedIn.asAdmin(synapse, executor).accounts());

        model.searchProperty().set(prefix + "-00");
        executor.fireScheduled();
        model.searchProperty().set(id(123));
        executor.fireScheduled();
        assertThat(executor.pendingCount()).isEqualTo(2);
        executor.run(1); // the newer answer arrives first
        executor.run(0); // the old one was cancelled or is dropped

        assertThat(model.getRows()).extracting(UserRowViewModel::getUserId).containsExactly(id(123));
    }

    @Test
    void typingWaitsForAPauseBeforeSearching() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        UserListViewModel model = new UserListViewModel(SignedIn.asAdmin(synapse, executor).accounts());

        model.searchProperty().set("a");
        model.searchProperty().set("ab");
        model.searchProperty().set(prefix);

        assertThat(executor.pendingCount()).as("no request while typing").isZero();
        executor.fireScheduled();
        assertThat(executor.pendingCount()).as("one request after the pause").isEqualTo(1);
    }

    @Test
    void rowPictureIsFetchedWithTheTokenAndCached() throws Exception {
        byte[] png;
        try (var in = getClass().getResourceAsStream("/app/registrar/testing/avatar.png")) {
            png = in.readAllBytes();
        }
        String withPicture = synapse.newUserId("pic");
        String mxc = admin.uploadMedia(png, "image/png", "avatar.png");
        admin.createUser(withPicture, new UserUpdate().password("Paging-Pass-1").avatarUrl(mxc));
        UserListViewModel model = searching(withPicture);
        List<byte[]> delivered = new ArrayList<>();

        model.loadAvatar(model.getRows().get(0), delivered::add);
        model.loadAvatar(model.getRows().get(0), delivered::add);

        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(0)).isNotEmpty();
        assertThat(delivered.get(1)).isSameAs(delivered.get(0));
    }
}
