package app.registrar.ui.insights;

import static app.registrar.testing.FxWorkers.awaitFx;
import static app.registrar.testing.FxWorkers.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.ServerApi;
import app.registrar.api.ServerInfo;
import app.registrar.bulk.BulkService;
import app.registrar.bulk.Insights;
import app.registrar.bulk.PngFile;
import app.registrar.service.ConnectionService;
import app.registrar.service.UiTaskExecutor;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FakeHomeserver;
import app.registrar.testing.FxWorkers;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseDatabase;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.insights.InsightsCharts.Chart;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Insights view model as the app runs it: the scan on real worker threads, the results on the real JavaFX
 * thread. Cancel is tried against a homeserver that is slow to answer; the numbers against the real Synapse.
 */
@ExtendWith(SynapseExtension.class)
class InsightsViewModelOnWorkersTest {

    @StartStop
    private final MockWebServer slowServer = new MockWebServer();
    private final FakeDialogService dialogs = new FakeDialogService();
    @TempDir
    Path dir;

    @Test
    void cancellingAScanWhoseAnswerIsSlowStopsItAndSaysWhatWasCounted() {
        FakeHomeserver homeserver = new FakeHomeserver();
        homeserver.answer("/_synapse/admin/v3/users", new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json").headersDelay(20, TimeUnit.SECONDS)
                .body("{\"users\":[],\"total\":0}").build());
        slowServer.setDispatcher(homeserver);
        UiTaskExecutor executor = FxWorkers.executor();
        ConnectionService connection = new ConnectionService(executor);
        ServerInfo server = ServerApi.describe(slowServer.url("/"));
        onFx(() -> connection.signIn(server, "admin", "First-Pass-2026!").start());
        awaitFx("signed in", () -> connection.session().isPresent());
        InsightsViewModel model = new InsightsViewModel(new BulkService(executor, connection), dialogs, ZoneOffset.UTC);

        onFx(model::scan);
        awaitFx("the list requested", () -> homeserver.paths().contains("/_synapse/admin/v3/users"));
        // Synapse prepares a whole reply before its first byte: meanwhile the status counts the seconds waited.
        awaitFx("the wait shown", () -> String.valueOf(model.statusProperty().get())
                .matches("Waiting for the server’s first answer \\([1-9][0-9]* s so far\\)…"));
        long started = System.nanoTime();
        onFx(model::cancel);
        awaitFx("the scan stopped", () -> !model.runningProperty().get());

        assertThat(System.nanoTime() - started).as("stopped without waiting for the slow answer")
                .isLessThan(TimeUnit.SECONDS.toNanos(15));
        assertThat(onFx(() -> model.reportProperty().get().cancelled())).isTrue();
        assertThat(onFx(() -> model.statusProperty().get())).startsWith("Stopped after 0 of ");
        assertThat(onFx(() -> model.errorProperty().get())).isNull();
    }

    @Test
    void aScanOnWorkersCountsEveryAccountOfTheRealServerAndSavesAChartFromThere(TestSynapse synapse) throws Exception {
        UiTaskExecutor executor = FxWorkers.executor();
        SignedIn signedIn = SignedIn.asAdmin(synapse, executor);
        InsightsViewModel model = new InsightsViewModel(new BulkService(executor, signedIn.connection()), dialogs,
                ZoneOffset.UTC);
        SynapseDatabase db = SynapseDatabase.ofTestServer();

        onFx(model::scan);
        awaitFx("the scan ended", () -> !model.runningProperty().get() && model.reportProperty().get() != null);

        Insights found = onFx(() -> model.reportProperty().get());
        assertThat(found.scanned()).isEqualTo(db.count("SELECT COUNT(*) FROM users"));
        assertThat(onFx(() -> model.getKinds().get(4).count())).isEqualTo(db.count("SELECT COUNT(*) FROM users WHERE admin = 1"));
        assertThat(onFx(() -> model.statusProperty().get())).startsWith(String.format("%,d accounts counted", found.scanned()));

        Path file = dir.resolve("created.png");
        dialogs.pickPng(file);
        int[] pixels = new int[40 * 30];
        Arrays.fill(pixels, 0xFF3366CC);
        onFx(() -> model.save(Chart.CREATED, new PngFile.Picture(40, 30, pixels)));
        awaitFx("the chart saved", () -> !dialogs.notifications.isEmpty());

        BufferedImage saved = ImageIO.read(file.toFile());
        assertThat(saved.getWidth()).isEqualTo(40);
        assertThat(saved.getRGB(39, 29)).isEqualTo(0xFF3366CC);
    }
}
