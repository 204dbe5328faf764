package app.registrar.ui.insights;

import static app.registrar.testing.FakeHomeserver.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.bulk.BulkService;
import app.registrar.bulk.PngFile;
import app.registrar.testing.FakeSession;
import app.registrar.testing.SignedInFake;
import app.registrar.ui.insights.InsightsCharts.Chart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Insights screen's view model against a fake homeserver, each step run by hand: one scan at a time, charts
 * filled from the answer, the inactive count following the chosen days, plain words on failure, and a chart saved
 * where the admin chose.
 */
@Tag("fast")
class InsightsViewModelFastTest {

    private static final String USERS = "/_synapse/admin/v3/users";
    private static final long DAY = Duration.ofDays(1).toMillis();

    @RegisterExtension
    final SignedInFake fake = new SignedInFake();
    @TempDir
    Path dir;
    private InsightsViewModel model;

    @BeforeEach
    void signIn() {
        FakeSession session = fake.session();
        model = new InsightsViewModel(new BulkService(fake.executor, session.connection), fake.dialogs, ZoneOffset.UTC);
    }

    private static String user(String name, long createdDaysAgo, Long seenDaysAgo, String flags) {
        long now = System.currentTimeMillis();
        return "{\"name\":\"@" + name + ":example.test\",\"creation_ts\":" + (now - createdDaysAgo * DAY)
                + ",\"last_seen_ts\":" + (seenDaysAgo == null ? "null" : Long.toString(now - seenDaysAgo * DAY))
                + (flags.isEmpty() ? "" : "," + flags) + "}";
    }

    private void serverHas(String... users) {
        fake.homeserver.answer(USERS, json(200, "{\"users\":[" + String.join(",", users) + "],\"total\":" + users.length + "}"));
    }

    @Test
    void oneScanAtATimeFillsEveryChartAndTheInactiveCountFollowsTheDays() {
        serverHas(user("fresh", 2, 1L, ""), user("idle", 400, 200L, "\"admin\":true"),
                user("never", 300, null, "\"user_type\":\"bot\""),
                user("gone", 500, 3L, "\"deactivated\":true,\"locked\":true"), user("guest", 20, 25L, "\"is_guest\":true"));

        model.scan();
        model.scan();

        assertThat(model.runningProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("Counting the accounts of this server…");
        fake.executor.runAll();
        fake.executor.fireScheduled();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(fake.homeserver.paths().stream().filter(USERS::equals).count())
                .as("one scan: its first page holds all five accounts, so one request; no second scan").isEqualTo(1);
        assertThat(model.getActivity()).extracting(ChartBar::count).containsExactly(1L, 2L, 2L, 1L);
        assertThat(model.getActivity().get(0).label()).isEqualTo("Seen in the last 7 days: 1");
        assertThat(model.getKinds()).extracting(ChartBar::count).containsExactly(1L, 1L, 1L, 1L, 1L);
        assertThat(model.getCreatedPerMonth()).extracting(ChartBar::count).contains(1L).hasSizeGreaterThan(12);
        assertThat(model.getCreatedPerMonth().stream().mapToLong(ChartBar::count).sum()).isEqualTo(5);
        assertThat(model.statusProperty().get()).startsWith("5 accounts counted at ");
        assertThat(model.inactiveCountProperty().get()).isEqualTo(2);
        assertThat(model.inactiveTextProperty().get()).isEqualTo("2 accounts not used for more than 180 days.");

        model.inactiveDaysProperty().set(250);

        assertThat(model.inactiveTextProperty().get()).isEqualTo("1 account not used for more than 250 days.");
        assertThat(model.newInactiveList().daysProperty().get()).isEqualTo(250);
    }

    @Test
    void aRefusedScanSaysSoInPlainWordsAndCanBeStartedAgain() {
        fake.homeserver.answer(USERS, json(403, "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"You are not a server admin\"}"));

        model.scan();
        fake.executor.runAll();

        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isNotNull();
        assertThat(model.errorProperty().get().message()).doesNotContain("M_FORBIDDEN");
        assertThat(model.errorProperty().get().details()).contains("M_FORBIDDEN");
        assertThat(model.reportProperty().get()).isNull();

        serverHas(user("fresh", 2, 1L, ""));
        model.scan();
        fake.executor.runAll();

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.reportProperty().get().scanned()).isEqualTo(1);
    }

    @Test
    void aChartIsSavedAsAPngWhereTheAdminChoseAndNothingIsWrittenWhenTheyCancel() throws Exception {
        PngFile.Picture picture = new PngFile.Picture(2, 1, new int[] {0xFF000000, 0xFFFFFFFF});
        model.save(Chart.KINDS, picture);
        fake.executor.runAll();
        assertThat(fake.executor.pendingCount()).isZero();

        Path file = dir.resolve("kinds.png");
        fake.dialogs.pickPng(file);
        model.save(Chart.KINDS, picture);
        assertThat(Files.exists(file)).as("written on the worker, not on the calling thread").isFalse();
        fake.executor.runAll();

        assertThat(fake.dialogs.suggestedPngNames).containsExactly("insights-kinds-example.test.png",
                "insights-kinds-example.test.png");
        assertThat(Files.readAllBytes(file)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(fake.dialogs.notifications).containsExactly("Saved the chart to kinds.png.");
    }
}
