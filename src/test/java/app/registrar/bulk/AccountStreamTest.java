package app.registrar.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.StreamedPage;
import app.registrar.api.UserQuery;
import app.registrar.api.UserRowSink;
import app.registrar.api.UserSummary;
import app.registrar.store.AccountStore;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How {@link AccountStream} hands on the rows of pages read in parallel, on real worker threads, against a store that
 * plays the server (rows streamed one at a time, as {@code AccountStore#streamUsers} does). Against a real Synapse:
 * {@code CsvExportSynapseTest}.
 */
@Tag("fast")
class AccountStreamTest {

    private static UserSummary user(int i) {
        return new UserSummary(String.format("@u%07d:example.org", i), "User " + i, null, false, false, null, false,
                false, false, false, null, null);
    }

    /** A store whose listing streams {@code rowAt(offset)} for each offset of the page asked for. */
    private static AccountStore store(long total, IntFunction<UserSummary> rowAt, PageHook hook) {
        return (AccountStore) Proxy.newProxyInstance(AccountStore.class.getClassLoader(), new Class<?>[] {AccountStore.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("streamUsers")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    UserQuery query = (UserQuery) args[0];
                    UserRowSink sink = (UserRowSink) args[1];
                    int from = query.from() == null ? 0 : Integer.parseInt(query.from());
                    int to = (int) Math.min(total, from + query.limit());
                    hook.started(from);
                    for (int i = from; i < to; i++) {
                        sink.accept(rowAt.apply(i));
                    }
                    return new StreamedPage(total, to < total ? Integer.toString(to) : null, Math.max(0, to - from));
                });
    }

    @FunctionalInterface
    private interface PageHook {
        void started(int from) throws InterruptedException;
    }

    @Test
    void pagesWhoseRepliesComeOutOfOrderAreStillHandedOnInOrderAndNeverWhole() throws Exception {
        int total = 12_345;
        CountDownLatch secondStarted = new CountDownLatch(1);
        // The first page's reply waits until the second request is being answered: both are read at the same time.
        AccountStore store = store(total, AccountStreamTest::user, from -> {
            if (from == 0) {
                assertThat(secondStarted.await(10, TimeUnit.SECONDS)).isTrue();
            } else {
                secondStarted.countDown();
            }
        });
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        List<Integer> chunkSizes = new ArrayList<>();
        List<Long> totals = new ArrayList<>();

        AccountStream.Outcome outcome = new AccountStream(store, 2, 5_000).read(UserQuery.all(), new JobControl(), (rows, t) -> {
            chunkSizes.add(rows.size());
            totals.add(t);
            rows.forEach(row -> written.add(row.userId()));
        });

        assertThat(written).hasSize(total);
        for (int i = 0; i < total; i++) {
            assertThat(written.get(i)).isEqualTo(user(i).userId());
        }
        assertThat(chunkSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(AccountStream.CHUNK));
        assertThat(totals).containsOnly((long) total);
        assertThat(outcome).isEqualTo(new AccountStream.Outcome(total, total, false, false));
    }

    @Test
    void rowsRepeatedAtTheStartOfAPageAfterAccountsWereAddedMeanwhileAreWrittenOnce() throws Exception {
        // From the second request on, three accounts sorting first exist: every later offset shows rows shifted by 3.
        int before = 2_500;
        CountDownLatch firstDone = new CountDownLatch(1);
        AccountStore store = (AccountStore) Proxy.newProxyInstance(AccountStore.class.getClassLoader(),
                new Class<?>[] {AccountStore.class}, (proxy, method, args) -> {
                    UserQuery query = (UserQuery) args[0];
                    UserRowSink sink = (UserRowSink) args[1];
                    int from = query.from() == null ? 0 : Integer.parseInt(query.from());
                    boolean after = from > 0;
                    if (after) {
                        firstDone.await(10, TimeUnit.SECONDS);
                    }
                    int total = after ? before + 3 : before;
                    int to = Math.min(total, from + query.limit());
                    for (int i = from; i < to; i++) {
                        sink.accept(after ? (i < 3 ? user(-1 - i) : user(i - 3)) : user(i));
                    }
                    if (!after) {
                        firstDone.countDown();
                    }
                    return new StreamedPage(total, to < total ? Integer.toString(to) : null, Math.max(0, to - from));
                });
        List<String> written = new ArrayList<>();

        AccountStream.Outcome outcome = new AccountStream(store, 1, 1_000).read(UserQuery.all(), new JobControl(),
                (rows, t) -> rows.forEach(row -> written.add(row.userId())));

        assertThat(written).doesNotHaveDuplicates();
        assertThat(written).startsWith(user(0).userId(), user(1).userId()).contains(user(before - 1).userId());
        assertThat(outcome.changedMeanwhile()).isTrue();
    }

    /** The requests (from + limit) a read by total makes on a server of {@code total} accounts. */
    private static List<String> requestsByTotal(int total, List<String> written) throws Exception {
        List<String> requests = Collections.synchronizedList(new ArrayList<>());
        AccountStore store = store(total, AccountStreamTest::user, from -> { });
        AccountStore recording = (AccountStore) Proxy.newProxyInstance(AccountStore.class.getClassLoader(),
                new Class<?>[] {AccountStore.class}, (proxy, method, args) -> {
                    UserQuery query = (UserQuery) args[0];
                    requests.add(query.from() + "+" + query.limit());
                    return method.invoke(store, args);
                });
        AccountStream.Outcome outcome = new AccountStream(recording).read(UserQuery.all(), new JobControl(),
                (rows, t) -> rows.forEach(row -> written.add(row.userId())));
        assertThat(outcome).isEqualTo(new AccountStream.Outcome(total, total, false, false));
        return requests;
    }

    @Test
    void onASmallServerTheRestComesInOneRequestAfterAFirstPageForTheTotal() throws Exception {
        int total = 12_345;
        List<String> written = new ArrayList<>();

        List<String> requests = requestsByTotal(total, written);

        // Every request pays the server's count of all accounts: two requests, not one per page.
        assertThat(requests).containsExactly("null+" + AccountStream.FIRST_PAGE,
                AccountStream.FIRST_PAGE + "+" + (total - AccountStream.FIRST_PAGE));
        assertThat(written).hasSize(total).doesNotHaveDuplicates();
        assertThat(written.get(total - 1)).isEqualTo(user(total - 1).userId());
    }

    @Test
    void onABigServerTheRestComesInTwoHalvesAfterAFirstPageForTheTotal() throws Exception {
        int total = 100_001;
        List<String> written = new ArrayList<>();

        List<String> requests = requestsByTotal(total, written);

        assertThat(requests).hasSize(3);
        assertThat(requests.get(0)).isEqualTo("null+" + AccountStream.FIRST_PAGE);
        assertThat(requests.subList(1, 3)).containsExactlyInAnyOrder("1000+49501", "50501+49500");
        assertThat(written).hasSize(total).doesNotHaveDuplicates();
        for (int i = 0; i < total; i += 997) {
            assertThat(written.get(i)).isEqualTo(user(i).userId());
        }
    }

    @Test
    void aServerBiggerThanTwiceTheLargestRequestIsReadInEqualPagesNoneAboveIt() {
        AccountStream stream = new AccountStream(store(0, AccountStreamTest::user, from -> { }));
        long total = 1_600_001;
        long rest = total - AccountStream.FIRST_PAGE;

        int size = stream.pageSize(total);

        assertThat(size).isLessThanOrEqualTo(AccountStream.MAX_PAGE);
        // Four pages cover the rest; the last one is not a small remainder that would pay the count again.
        assertThat(4L * size).isGreaterThanOrEqualTo(rest);
        assertThat(3L * size).isLessThan(rest);
        assertThat(stream.pageSize(990_485)).isEqualTo((990_485 - AccountStream.FIRST_PAGE + 1) / 2);
    }

    @Test
    void whileTheServerPreparesTheRestTheTimeWaitedIsReportedAndRowsFollowAfterIt() throws Exception {
        int total = 3_000;
        CountDownLatch waitSeen = new CountDownLatch(2);
        // The second request (the rest) sends nothing until two wait reports have come: the server preparing it.
        AccountStore store = store(total, AccountStreamTest::user, from -> {
            if (from > 0) {
                assertThat(waitSeen.await(20, TimeUnit.SECONDS)).isTrue();
            }
        });
        List<java.time.Duration> waits = Collections.synchronizedList(new ArrayList<>());
        List<Long> deliveredAtWait = Collections.synchronizedList(new ArrayList<>());
        long[] delivered = {0};

        AccountStream.Outcome outcome = new AccountStream(store).read(UserQuery.all(), new JobControl(),
                (rows, t) -> {
                    synchronized (delivered) {
                        delivered[0] += rows.size();
                    }
                }, waiting -> {
                    waits.add(waiting.waiting());
                    synchronized (delivered) {
                        deliveredAtWait.add(delivered[0]);
                    }
                    waitSeen.countDown();
                });

        assertThat(waits).hasSizeGreaterThanOrEqualTo(2);
        assertThat(waits).allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(AccountStream.WAIT_REPORT));
        // Later reports say longer: the time since rows last came, not a fixed step.
        assertThat(waits.get(1)).isGreaterThan(waits.get(0));
        assertThat(deliveredAtWait.get(0)).isEqualTo(AccountStream.FIRST_PAGE);
        assertThat(outcome).isEqualTo(new AccountStream.Outcome(total, total, false, false));
    }
}
