package app.registrar.ui.bulk;

import static app.registrar.testing.FxWorkers.awaitFx;
import static app.registrar.testing.FxWorkers.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.ServerApi;
import app.registrar.api.ServerInfo;
import app.registrar.api.UserQuery;
import app.registrar.bulk.BulkService;
import app.registrar.bulk.ExportReport;
import app.registrar.service.ConnectionService;
import app.registrar.service.UiTaskExecutor;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FakeHomeserver;
import app.registrar.testing.FxWorkers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export as the app runs it (real worker threads, the real JavaFX thread) while the server prepares the rest of
 * the accounts: Synapse builds a whole reply before its first byte, most of a minute for a million accounts, which a
 * real server does not do on demand at test size, so a fake one holds the second answer back. The first page (the
 * total and 1,000 rows) comes at once.
 */
class ExportWhileTheServerPreparesTest {

    private static final int TOTAL = 3_000;

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final FakeHomeserver homeserver = new FakeHomeserver();
    private final List<String> listings = new CopyOnWriteArrayList<>();
    @TempDir
    Path dir;

    private static String rows(int from, int to) {
        List<String> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            rows.add("{\"name\":\"@p" + i + ":example.test\",\"displayname\":\"Person " + i + "\",\"creation_ts\":1700000000000}");
        }
        return String.join(",", rows);
    }

    /** The account list answers its first page at once and the rest after {@code seconds}. */
    private ExportViewModel exportModel(int seconds) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getUrl().encodedPath().equals("/_synapse/admin/v3/users")) {
                    return homeserver.dispatch(request);
                }
                String from = request.getUrl().queryParameter("from");
                int start = from == null ? 0 : Integer.parseInt(from);
                int end = Math.min(TOTAL, start + Integer.parseInt(request.getUrl().queryParameter("limit")));
                listings.add(start + "+" + (end - start));
                MockResponse.Builder reply = new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("{\"users\":[" + rows(start, end) + "],\"total\":" + TOTAL + "}");
                if (start > 0) {
                    reply.headersDelay(seconds, TimeUnit.SECONDS);
                }
                return reply.build();
            }
        });
        UiTaskExecutor executor = FxWorkers.executor();
        ConnectionService connection = new ConnectionService(executor);
        ServerInfo info = ServerApi.describe(server.url("/"));
        onFx(() -> connection.signIn(info, "admin", "First-Pass-2026!").start());
        awaitFx("signed in", () -> connection.session().isPresent());
        return new ExportViewModel(new BulkService(executor, connection), dialogs);
    }

    @Test
    void whileTheServerPreparesTheRestTheStatusSaysHowLongItHasWaitedThenTheRowsAreWritten() throws Exception {
        ExportViewModel model = exportModel(3);
        Path file = dir.resolve("accounts.csv");
        List<String> statuses = new CopyOnWriteArrayList<>();
        onFx(() -> model.statusProperty().addListener((obs, old, now) -> statuses.add(now)));

        onFx(() -> model.export(UserQuery.all(), file));
        awaitFx("the export ended", () -> !model.runningProperty().get() && model.reportProperty().get() != null);

        assertThat(statuses).anySatisfy(status -> assertThat(status).startsWith(
                "The server is preparing the accounts before it sends them (").endsWith("s so far). 1,000 of 3,000 accounts written."));
        assertThat(statuses).doesNotContain("The server is preparing the accounts before it sends them (0 s so far). 1,000 of 3,000 accounts written.");
        ExportReport report = onFx(() -> model.reportProperty().get());
        assertThat(report.rows()).isEqualTo(TOTAL);
        assertThat(Files.readAllLines(file)).hasSize(TOTAL + 1);
        // The rest came in one request after the first page: the server's count of every account paid twice, not more.
        assertThat(listings).containsExactly("0+1000", "1000+2000");
        assertThat(onFx(() -> model.statusProperty().get())).isEqualTo("3,000 accounts exported to accounts.csv.");
    }

    @Test
    void cancellingWhileTheServerPreparesTheRestStopsTheRequestAndLeavesNoFile() throws Exception {
        ExportViewModel model = exportModel(60);
        Path file = dir.resolve("accounts.csv");

        onFx(() -> model.export(UserQuery.all(), file));
        awaitFx("waiting for the rest", () -> String.valueOf(model.statusProperty().get()).startsWith("The server is preparing"));
        long started = System.nanoTime();
        onFx(model::cancel);
        awaitFx("the export stopped", () -> !model.runningProperty().get());

        assertThat(System.nanoTime() - started).as("stopped without waiting for the server's answer")
                .isLessThan(TimeUnit.SECONDS.toNanos(15));
        assertThat(onFx(() -> model.reportProperty().get().cancelled())).isTrue();
        assertThat(onFx(() -> model.statusProperty().get())).isEqualTo("Export cancelled. No file was written.");
        assertThat(onFx(() -> model.errorProperty().get())).isNull();
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("accounts.csv.part")).doesNotExist();
    }

    @Test
    void theExportDialogShowsTheWaitInItsStatusLine() throws Exception {
        ExportViewModel model = exportModel(30);
        Path file = dir.resolve("accounts.csv");
        app.registrar.ui.bulk.view.ExportDialog[] dialog = new app.registrar.ui.bulk.view.ExportDialog[1];

        onFx(() -> {
            dialog[0] = new app.registrar.ui.bulk.view.ExportDialog(null, model, UserQuery.all(), file);
            dialog[0].show();
        });
        awaitFx("the wait shown", () -> String.valueOf(model.statusProperty().get()).matches(
                "The server is preparing the accounts before it sends them \\([2-9] s so far\\)\\. .*"));

        String shown = onFx(() -> ((javafx.scene.control.Label) dialog[0].getScene().lookup("#exportStatus")).getText());
        assertThat(shown).endsWith("1,000 of 3,000 accounts written.");
        Path png = onFx(() -> app.registrar.testing.Screenshots.save(dialog[0].getScene(), "export-waiting"));
        assertThat(png).exists();
        onFx(model::cancel);
        awaitFx("the export stopped", () -> !model.runningProperty().get());
        onFx(dialog[0]::close);
    }
}
