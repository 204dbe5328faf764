package app.registrar.bench;

import app.registrar.RegistrarApp;
import app.registrar.api.AccessToken;
import app.registrar.api.AdminApi;
import app.registrar.api.Homeserver;
import app.registrar.api.LoginSession;
import app.registrar.api.ServerAddress;
import app.registrar.api.ServerApi;
import app.registrar.api.UserQuery;
import app.registrar.bulk.AccountInsights;
import app.registrar.bulk.CsvExporter;
import app.registrar.bulk.CsvImporter;
import app.registrar.bulk.ExportReport;
import app.registrar.bulk.ImportFile;
import app.registrar.bulk.ImportJournal;
import app.registrar.bulk.ImportOptions;
import app.registrar.bulk.ImportPreview;
import app.registrar.bulk.ImportReport;
import app.registrar.bulk.Insights;
import app.registrar.bulk.JobControl;
import app.registrar.bulk.PasswordFile;
import app.registrar.bulk.RowOutcome;
import app.registrar.model.PasswordPolicy;
import app.registrar.store.SynapseAccountStore;
import app.registrar.ui.common.I18n;
import app.registrar.ui.userlist.UserRowViewModel;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import okhttp3.HttpUrl;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Registrar's benchmark against the big Synapse (scripts/synapse-big.sh), run by scripts/bench.sh; never part of
 * {@code ./mvnw verify}. It prints medians over several runs:
 * <ul>
 *   <li>the real app ({@link RegistrarApp}), headless under Monocle: connect → first rows rendered, search keystroke
 *       → rows rendered, jump to the middle → rows rendered, each timed from the action on the JavaFX thread to the
 *       first pulse whose visible rows hold data; then the whole list scrolled top to bottom and the peak memory
 *       (VmHWM) of this process;</li>
 *   <li>export of all accounts to CSV with the same code the export screen runs, beside curl's single request and
 *       Debian's synadm fetching the same accounts, interleaved in the same run;</li>
 *   <li>import of 1,000 accounts from CSV (generated passwords), with the CPU used by this process and by Synapse
 *       meanwhile, to tell who sets the pace.</li>
 * </ul>
 * For each UI figure the same request is also timed with curl, the server's floor.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SEARCHES = {"ada.kim", "zoe.xu", "mia.rossi", "leo.weber", "ines.novak", "omar.ito",
        "tara.lopez", "felix.nagy", "hana.bauer", "yusuf.costa"};
    private static final long SEARCH_DEBOUNCE_MS = 250;

    private final HttpUrl url;
    private final String adminUser;
    private final String adminPassword;
    private final int runs;
    private final int importRuns;
    private final int importCount;
    /** False: the imported accounts get no password, so the server's bcrypt does not set the pace (a memory test). */
    private final boolean importPasswords;
    private final Boolean scroll;
    private final int jumps;
    /** False: the UI phase signs in only (no searches, jumps or scroll), for a quick look at the sign-in. */
    private final boolean browse;
    private final java.util.Set<String> phases;
    /** Searches timed, each beside its curl request, who goes first alternating (default: as many as runs). */
    private final int searches;
    /** Other shapes of the export's requests ({@link app.registrar.bulk.ExportShapes}) timed in each export run. */
    private final List<String> exportShapes;
    private final Path work;
    private final Path synapsePidFile;
    private final Map<String, List<Double>> figures = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    /** Each target: the figure (ratio per run, or MB), its limit, and what it compares. */
    private final Map<String, Ratio> ratios = new LinkedHashMap<>();

    /** A figure taken as a ratio within each run (or a plain size), with its target. */
    private record Ratio(String target, double limit, List<Double> values) {
    }
    private Stage stage;

    private Bench(Map<String, String> options) {
        url = HttpUrl.get(options.getOrDefault("url", "http://127.0.0.1:18448"));
        adminUser = options.getOrDefault("user", "@bench-admin:big.localhost");
        adminPassword = options.getOrDefault("password", "Bench-Admin-2026!");
        runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        importRuns = Integer.parseInt(options.getOrDefault("import-runs", "3"));
        importCount = Integer.parseInt(options.getOrDefault("import-count", "1000"));
        importPasswords = Boolean.parseBoolean(options.getOrDefault("import-passwords", "true"));
        // Scrolling a million rows 100 at a time takes most of an hour: by default only up to 200,000.
        scroll = options.containsKey("scroll") ? Boolean.valueOf(options.get("scroll")) : null;
        jumps = Integer.parseInt(options.getOrDefault("jumps", "20"));
        browse = Boolean.parseBoolean(options.getOrDefault("browse", "true"));
        phases = java.util.Set.of(options.getOrDefault("phases", "ui,export,insights,import").split(","));
        searches = Integer.parseInt(options.getOrDefault("searches", Integer.toString(runs)));
        exportShapes = options.getOrDefault("export-shapes", "").isBlank() ? List.of()
                : List.of(options.get("export-shapes").split(","));
        work = Path.of(options.getOrDefault("work", "target/bench"));
        synapsePidFile = Path.of(options.getOrDefault("synapse-pid-file", "target/synapse-big/homeserver.pid"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        Bench bench = new Bench(options);
        int exit = 0;
        try {
            bench.run();
        } catch (Throwable e) {
            e.printStackTrace();
            exit = 1;
        }
        // The JavaFX toolkit and OkHttp keep non-daemon threads.
        System.exit(exit);
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        Homeserver homeserver = new Homeserver(url);
        LoginSession session = homeserver.auth().loginWithPassword(adminUser, adminPassword);
        AdminApi api = homeserver.admin();
        // The list's default filter: active accounts, locked ones included.
        long total = api.listUsers(UserQuery.all().withLocked(true).withLimit(1)).total();
        long everyone = api.listUsers(UserQuery.all().withState(UserQuery.AccountState.ALL).withLocked(true).withLimit(1)).total();
        say("server %s: %,d accounts (%,d shown by the list's default filter: active, locked included)", url, everyone, total);
        notes.put("load average at the start (1, 5, 15 min)", loadAverage());
        try {
            if (phases.contains("ui")) {
                uiPhase(session, total);
                notes.put("load average after browsing", loadAverage());
            }
            if (phases.contains("export")) {
                double export = exportPhase(session, api);
                notes.put("load average after the export", loadAverage());
                if (phases.contains("insights")) {
                    insightsPhase(api, export);
                }
            }
            if (phases.contains("import") && importRuns > 0) {
                importPhase(api);
            }
        } finally {
            homeserver.auth().logout();
        }
        notes.put("peak memory (VmHWM) of this process at the end", procStatus().get("VmHWM") / 1024 + " MB");
        notes.put("load average at the end (1, 5, 15 min)", loadAverage());
        print();
    }

    // ---- the app, headless --------------------------------------------------------------------------------------

    private void uiPhase(LoginSession session, long total) throws Exception {
        System.setProperty("registrar.prefs", "app/registrar/bench/" + UUID.randomUUID());
        stage = FxToolkit.registerPrimaryStage();
        Application app = null;
        String userLocalpart = adminUser.substring(1, adminUser.indexOf(':'));
        // One run more than asked: the first sign-in of the JVM loads classes the others find loaded; not counted.
        for (int run = -1; run < runs; run++) {
            if (app != null) {
                FxToolkit.cleanupApplication(app);
            }
            app = FxToolkit.setupApplication(RegistrarApp.class);
            WaitForAsyncUtils.waitForFxEvents();
            // Past the warm-up that starts with the connect screen, as an admin typing would be.
            Thread.sleep(1500);
            onFx(() -> {
                // A drop-down when servers were signed in to before, a plain field on a first start.
                Node server = find("#server");
                (server instanceof ComboBox<?> box ? box.getEditor() : (TextInputControl) server).setText(url.toString());
                ((TextInputControl) find("#user")).setText(userLocalpart);
                ((TextInputControl) find("#password")).setText(adminPassword);
            });
            long[] signedIn = {0};
            long[] started = {0};
            long fxCpu = fxCpuNanos();
            long[] fxAtMainView = {0};
            // When discovery is over (the progress line says it signs in now) and when the main scene is set.
            long[] discovered = {0};
            long[] sceneSet = {0};
            javafx.beans.value.ChangeListener<Object> progress = (obs, old, now) -> {
                if (discovered[0] == 0 && now != null && now.toString().equals(I18n.tr("connect.signing.in"))) {
                    discovered[0] = System.nanoTime();
                }
            };
            onFx(() -> {
                Node status = find("#progress");
                if (status instanceof javafx.scene.control.Labeled labeled) {
                    labeled.textProperty().addListener(progress);
                }
                stage.sceneProperty().addListener((obs, old, now) -> {
                    if (sceneSet[0] == 0) {
                        sceneSet[0] = System.nanoTime();
                    }
                });
            });
            long rendered = awaitPulse(() -> {
                started[0] = System.nanoTime();
                ((Button) find("#signIn")).fire();
            }, () -> {
                TableView<?> table = (TableView<?>) find("#userTable");
                if (table != null && signedIn[0] == 0) {
                    signedIn[0] = System.nanoTime();
                    fxAtMainView[0] = fxCpuNow();
                }
                return table != null && !table.getItems().isEmpty() && rowsLoaded(table, 0, 5);
            }, 60);
            long shown = WaitForAsyncUtils.asyncFx(() -> ((TableView<?>) find("#userTable")).getItems().size()).get();
            require(shown == total, "the list shows " + shown + " accounts, the server counts " + total);
            if (run < 0) {
                notes.put("first sign-in of the JVM (cold classes), not in the medians", String.format(Locale.ROOT, "%.0f ms",
                        ms(rendered - started[0])));
                continue;
            }
            double registrar = ms(rendered - started[0]);
            record("sign-in → first rows rendered (ms)", registrar);
            record("  of which click → main view shown", ms(signedIn[0] - started[0]));
            record("  of which main view shown → first rows rendered", ms(rendered - signedIn[0]));
            if (discovered[0] != 0) {
                record("    click → discovery done (password request sent)", ms(discovered[0] - started[0]));
                record("    discovery done → main scene set", ms(sceneSet[0] - discovered[0]));
            }
            record("    main scene set → main view's first pulse", ms(signedIn[0] - sceneSet[0]));
            record("  JavaFX thread's CPU from the click to the first rows (ms)", ms(fxCpuNanos() - fxCpu));
            record("    of which until the main view's first pulse (ms)", ms(fxAtMainView[0] - fxCpu));
            double login = curlLogin();
            double firstPage = curlGet(listUrl(null, 0, 100), null);
            record("server floor: sign-in request alone (curl, ms)", login);
            record("server floor: first page request alone (curl, ms)", firstPage);
            ratio("sign-in → first rows ÷ (sign-in + first page requests, curl)", "≤ 1.2", 1.2, registrar / (login + firstPage));
        }
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            ServerApi.describe(ServerApi.resolve(ServerAddress.parse(url.toString())));
            record("  sign-in step 1: discovery alone, ServerApi.resolve + describe (ms)", ms(System.nanoTime() - started));
            started = System.nanoTime();
            Homeserver probe = new Homeserver(url);
            LoginSession login = probe.auth().loginWithPassword(adminUser, adminPassword);
            record("  sign-in step 2: password login alone, AuthApi (ms)", ms(System.nanoTime() - started));
            started = System.nanoTime();
            probe.admin().getUser(login.userId());
            record("  sign-in step 3: admin check alone (ms)", ms(System.nanoTime() - started));
            probe.auth().logout();
        }

        if (!browse) {
            FxToolkit.cleanupApplication(app);
            return;
        }
        // Who goes first alternates, as for the jumps: the second of two same searches finds the database's cache warm.
        for (int run = 0; run < searches; run++) {
            String query = SEARCHES[run % SEARCHES.length];
            boolean curlFirst = run % 2 == 1;
            double floorBefore = curlFirst ? curlGet(listUrl(query, 0, 100), null) : 0;
            long[] started = {0};
            // This process's CPU while the server searches: on a shared machine it is taken from the server's scan.
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long processCpu = os.getProcessCpuTime();
            long fxCpu = fxCpuNanos();
            long rendered = awaitPulse(() -> {
                started[0] = System.nanoTime();
                ((TextInputControl) find("#search")).setText(query);
            }, () -> {
                TableView<?> table = (TableView<?>) find("#userTable");
                return !table.getItems().isEmpty() && table.getItems().get(0).toString().contains(query)
                        && rowsLoaded(table, 0, 5);
            }, 120);
            double registrar = ms(rendered - started[0]) - SEARCH_DEBOUNCE_MS;
            record("  this process's CPU from the keystroke to the rows (ms)",
                    ms(os.getProcessCpuTime() - processCpu));
            record("  the JavaFX thread's CPU from the keystroke to the rows (ms)", ms(fxCpuNanos() - fxCpu));
            record("search, keystroke → rows rendered, less the 250 ms debounce (ms)", registrar);
            double floor = curlFirst ? floorBefore : curlGet(listUrl(query, 0, 100), null);
            record("server floor: search request alone (curl, ms)", floor);
            record(curlFirst ? "  search ÷ curl, curl first" : "  search ÷ curl, Registrar first", registrar / floor);
            ratio("search ÷ its request (curl)", "≤ 1.2", 1.2, registrar / floor);
            awaitPulse(() -> ((TextInputControl) find("#search")).setText(""),
                    () -> ((TableView<?>) find("#userTable")).getItems().size() == total
                            && rowsLoaded((TableView<?>) find("#userTable"), 0, 5), 120);
        }

        // Random positions (the same ones in every run of the bench), each beside the request for the page that
        // holds it; who goes first alternates, since the second profits from the first's warm database cache.
        Random positions = new Random(15);
        // Looked up once: a lookup at every pulse walks the window's nodes, CPU the server waited for would miss.
        TableView<?> list = WaitForAsyncUtils.asyncFx(() -> (TableView<?>) find("#userTable")).get();
        for (int jump = 0; jump < jumps; jump++) {
            int target = positions.nextInt((int) total);
            boolean curlFirst = jump % 2 == 1;
            double floorBefore = curlFirst ? curlGet(listUrl(null, target / 100 * 100, 100), null) : 0;
            long[] started = {0};
            long fxCpu = fxCpuNanos();
            long rendered = awaitPulse(() -> {
                started[0] = System.nanoTime();
                list.scrollTo(target);
            }, () -> arrived(list, target) && rowsLoaded(list, target, 5), 60);
            double registrar = ms(rendered - started[0]);
            record("  JavaFX thread's CPU during the jump (ms)", ms(fxCpuNanos() - fxCpu));
            double floor = curlFirst ? floorBefore : curlGet(listUrl(null, target / 100 * 100, 100), null);
            record("jump to a random position → rows rendered (ms)", registrar);
            record("server floor: that page request alone (curl, ms)", floor);
            ratio("jump ÷ its page request (curl)", "≤ 1.2", 1.2, registrar / floor);
        }

        if (scroll != null ? scroll : total <= 200_000) {
            long scrollStarted = System.nanoTime();
            for (int index = 0; index < total; index += 100) {
                int target = index;
                awaitPulse(() -> ((TableView<?>) find("#userTable")).scrollTo(target),
                        () -> rowsLoaded((TableView<?>) find("#userTable"), target, 3), 60);
            }
            int last = (int) total - 1;
            awaitPulse(() -> ((TableView<?>) find("#userTable")).scrollTo(last),
                    () -> rowsLoaded((TableView<?>) find("#userTable"), last, 1), 60);
            notes.put("whole list scrolled", String.format(Locale.ROOT, "%,d rows, 100 at a time, in %.0f s",
                    total, (System.nanoTime() - scrollStarted) / 1e9));
        }
        Path histogram = work.resolve("heap-after-scroll.txt");
        try {
            run(List.of("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram"), histogram, null);
            notes.put("heap histogram after the scroll", histogram.toString());
        } catch (Exception e) {
            notes.put("heap histogram after the scroll", "jcmd not available");
        }
        Map<String, Long> memory = procStatus();
        notes.put("peak memory (VmHWM) of this process after the UI phase", memory.get("VmHWM") / 1024 + " MB");
        size("peak RSS after browsing (sign-ins, searches, jumps" + (scroll != null ? scroll : total <= 200_000 ? ", whole list scrolled" : "")
                + "), MB", memory.get("VmHWM") / 1024.0);
        notes.put("memory (VmRSS) now", memory.get("VmRSS") / 1024 + " MB");
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        notes.put("Java heap in use after a GC", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024) + " MB");
        FxToolkit.cleanupApplication(app);
    }

    /** Whether the table shows rows from {@code from} on (at least one, at most {@code count} checked), all loaded. */
    /**
     * Whether the row's data is there (cheap): until then the bench does not walk the table's cells at every pulse,
     * which would take CPU from the server it waits for on a two-core machine.
     */
    private static boolean arrived(TableView<?> table, int index) {
        return table.getItems().get(index) instanceof UserRowViewModel row && !row.isLoading();
    }

    private static boolean rowsLoaded(TableView<?> table, int from, int count) {
        int seen = 0;
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && !row.isEmpty() && row.isVisible()
                    && row.getIndex() >= from && row.getIndex() < from + count) {
                Object item = row.getItem();
                if (item == null || item.toString().startsWith("loading #")) {
                    return false;
                }
                seen++;
            }
        }
        return seen > 0;
    }

    private long fxThread = -1;

    /** CPU time the JavaFX thread has used so far: what the app's own work costs, whatever the machine's load. */
    private long fxCpuNanos() throws Exception {
        if (fxThread < 0) {
            fxThread = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getId()).get();
        }
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThread);
    }

    /** The same, read on the JavaFX thread itself. */
    private static long fxCpuNow() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private Node find(String selector) {
        Parent root = stage.getScene() == null ? null : stage.getScene().getRoot();
        return root == null ? null : root.lookup(selector);
    }

    /**
     * Runs {@code action} on the JavaFX thread and returns the time of the first pulse at which {@code done} holds:
     * the scene as laid out and drawn in the pulse before, so the figure is at most one frame late.
     */
    private static long awaitPulse(Runnable action, BooleanSupplier done, int timeoutSeconds) throws Exception {
        CompletableFuture<Long> reached = new CompletableFuture<>();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                try {
                    if (done.getAsBoolean()) {
                        reached.complete(System.nanoTime());
                        stop();
                    }
                } catch (RuntimeException e) {
                    reached.completeExceptionally(e);
                    stop();
                }
            }
        };
        Platform.runLater(() -> {
            action.run();
            timer.start();
        });
        try {
            return reached.get(timeoutSeconds, TimeUnit.SECONDS);
        } finally {
            Platform.runLater(timer::stop);
        }
    }

    private static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---- export -----------------------------------------------------------------------------------------------

    /** @return the median time of Registrar's export, the yardstick of the insights scan */
    private double exportPhase(LoginSession session, AdminApi api) throws Exception {
        // synadm lists with v2 and cannot ask for locked accounts, so all three fetch every account but the locked.
        UserQuery same = UserQuery.all().withState(UserQuery.AccountState.ALL);
        long expected = api.listUsers(same.withLimit(1)).total();
        Path csv = work.resolve("export.csv");
        Path curlOut = work.resolve("curl.json");
        Path synadmOut = work.resolve("synadm.json");
        Path synadmDir = Files.createTempDirectory(Path.of(Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm" : System.getProperty("java.io.tmpdir")),
                "synadm", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Homeserver synadmSession = new Homeserver(url);
        Path config = synadmConfig(synadmDir, synadmSession.auth().loginWithPassword(adminUser, adminPassword));
        boolean synadmAvailable = isOnPath("synadm");
        try {
            // The first export of a session runs in a cold JVM (interpreted JSON and CSV code): shown on its own.
            long coldStarted = System.nanoTime();
            new CsvExporter(api).export(same, csv, new JobControl(), p -> { });
            notes.put("first export of the session (cold JVM), not in the medians", String.format(Locale.ROOT, "%.0f ms",
                    ms(System.nanoTime() - coldStarted)));
            for (int run = 0; run < runs; run++) {
                // Who goes first turns with each run, so no side always finds the server's caches warm or cold.
                List<String> order = new ArrayList<>(List.of("registrar", "curl"));
                if (synadmAvailable) {
                    order.add("synadm");
                }
                exportShapes.forEach(shape -> order.add("shape:" + shape));
                java.util.Collections.rotate(order, -run);
                Map<String, Double> took = new LinkedHashMap<>();
                for (String who : order) {
                    long started = System.nanoTime();
                    if (who.equals("registrar")) {
                        ExportReport report = new CsvExporter(api).export(same, csv, new JobControl(), p -> { });
                        took.put(who, ms(System.nanoTime() - started));
                        require(report.rows() == expected, "Registrar exported " + report.rows() + " rows, expected " + expected);
                    } else if (who.equals("curl")) {
                        // v3 without "deactivated" lists active and deactivated accounts, as Registrar's query does.
                        took.put(who, curlGet(listUrl(null, 0, 10_000_000), curlOut, session));
                        require(countUsers(curlOut) == expected, "curl fetched a different number of accounts");
                    } else if (who.equals("synadm")) {
                        run(List.of("synadm", "-c", config.toString(), "--batch", "-o", "json", "user", "list", "-d", "-l", "10000000"),
                                synadmOut, null);
                        took.put(who, ms(System.nanoTime() - started));
                        require(countUsers(synadmOut) == expected, "synadm fetched a different number of accounts");
                    } else {
                        String shape = who.substring("shape:".length());
                        ExportReport report = app.registrar.bulk.ExportShapes.exporter(api, shape, expected)
                                .export(same, csv, new JobControl(), p -> { });
                        took.put(who, ms(System.nanoTime() - started));
                        require(report.rows() == expected, "shape " + shape + " exported " + report.rows() + " rows");
                    }
                }
                say("export run %d (order %s): %s; load %s", run + 1, order, took, loadAverage());
                double registrar = took.get("registrar");
                double curl = took.get("curl");
                record("export, Registrar → CSV (ms)", registrar);
                record("export, curl one request → JSON (ms)", curl);
                ratio("export ÷ one curl request", "≤ 1.25", 1.25, registrar / curl);
                if (synadmAvailable) {
                    record("export, synadm user list → JSON (ms)", took.get("synadm"));
                    ratio("export ÷ synadm", "< 1", 0.999, registrar / took.get("synadm"));
                }
                for (String shape : exportShapes) {
                    record("export, shape " + shape + " → CSV (ms)", took.get("shape:" + shape));
                    record("  shape " + shape + " ÷ one curl request", took.get("shape:" + shape) / curl);
                }
            }
            notes.put("accounts exported", String.format(Locale.ROOT, "%,d (every account but the %,d locked ones; CSV %,d bytes)",
                    expected, api.listUsers(UserQuery.all().withState(UserQuery.AccountState.ALL).withLocked(true).withLimit(1)).total() - expected,
                    Files.size(csv)));
            if (!synadmAvailable) {
                notes.put("synadm", "not installed (apt-get install synadm); not measured");
            }
            size("peak RSS after browsing and exporting, MB", procStatus().get("VmHWM") / 1024.0);
            // The server holds a whole reply in memory before sending it: what one request for everything costs it.
            try {
                String synapsePid = Files.readString(synapsePidFile).strip();
                notes.put("Synapse's peak RSS (VmHWM) after the exports", Files.readAllLines(Path.of("/proc", synapsePid, "status"))
                        .stream().filter(line -> line.startsWith("VmHWM:")).map(line -> line.replaceAll("[^0-9]", ""))
                        .map(kb -> Long.parseLong(kb) / 1024 + " MB").findFirst().orElse("?"));
            } catch (IOException e) {
                notes.put("Synapse's peak RSS (VmHWM) after the exports", "not readable: " + e.getMessage());
            }
        } finally {
            Files.deleteIfExists(config);
            Files.deleteIfExists(synadmDir);
            synadmSession.auth().logout();
            Files.deleteIfExists(curlOut);
            Files.deleteIfExists(synadmOut);
        }
        return median(figures.get("export, Registrar → CSV (ms)"));
    }

    // ---- insights -----------------------------------------------------------------------------------------------

    private void insightsPhase(AdminApi api, double exportMedian) throws Exception {
        // The code the Insights screen runs (view-model level), over every account the server has.
        AccountInsights insights = new AccountInsights(new SynapseAccountStore(api), ZoneId.systemDefault());
        long scanned = 0;
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            Insights result = insights.scan(new JobControl(), p -> { });
            double took = ms(System.nanoTime() - started);
            scanned = result.scanned();
            record("insights, Registrar's scan of every account (ms)", took);
            ratio("insights ÷ the export (its median in this run)", "reported", Double.NaN, took / exportMedian);
        }
        notes.put("accounts scanned by insights", String.format(Locale.ROOT, "%,d (every account, the locked ones too)", scanned));
        size("peak RSS after browsing, exporting and insights, MB", procStatus().get("VmHWM") / 1024.0);
    }

    /** The rows of a saved listing, counted as they are read: a million accounts are 260 MB of JSON. */
    private static long countUsers(Path listing) throws IOException {
        long count = 0;
        try (JsonParser parser = JSON.createParser(listing.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("users") && parser.currentToken() == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        count++;
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return count;
    }

    /** synadm reads its token from its config file: a private file in memory (tmpfs), for a session logged out after. */
    private Path synadmConfig(Path dir, LoginSession session) throws IOException {
        Path config = dir.resolve("synadm.yaml");
        Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        String token = session.accessToken().reveal();
        Files.writeString(config, String.join("\n",
                "user: " + adminUser.substring(1, adminUser.indexOf(':')),
                "token: " + token,
                "base_url: " + url.toString().replaceAll("/$", ""),
                "admin_path: /_synapse/admin",
                "matrix_path: /_matrix",
                "timeout: 600",
                "server_discovery: well-known",
                "homeserver: " + adminUser.substring(adminUser.indexOf(':') + 1),
                "ssl_verify: true", ""), StandardCharsets.UTF_8);
        return config;
    }

    // ---- import -----------------------------------------------------------------------------------------------

    private void importPhase(AdminApi api) throws Exception {
        String serverName = adminUser.substring(adminUser.indexOf(':') + 1);
        long synapsePid = Long.parseLong(Files.readString(synapsePidFile).strip());
        OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 0; run < importRuns; run++) {
            String prefix = "bench" + UUID.randomUUID().toString().substring(0, 6);
            Path csv = work.resolve("import-" + prefix + ".csv");
            StringBuilder text = new StringBuilder("user_id,displayname,email\n");
            for (int i = 0; i < importCount; i++) {
                text.append(prefix).append('.').append(i).append(",Bench Person ").append(i).append(',')
                        .append(prefix).append('.').append(i).append("@mail.example.org\n");
            }
            Files.writeString(csv, text, StandardCharsets.UTF_8);
            Path journals = work.resolve("journals");
            Path passwordsFile = work.resolve("passwords-" + prefix + ".csv");
            ImportPreview preview = ImportFile.read(csv, serverName, PasswordPolicy.none());
            long cpuBefore = os.getProcessCpuTime();
            long synapseBefore = cpuTicks(synapsePid);
            long started = System.nanoTime();
            ImportReport report;
            try (ImportJournal journal = ImportJournal.open(journals, csv, url.toString());
                 PasswordFile passwords = PasswordFile.create(passwordsFile)) {
                ImportOptions options = importPasswords ? ImportOptions.defaults()
                        : new ImportOptions(ImportOptions.defaults().existing(), false, ImportOptions.defaults().parallel());
                report = new CsvImporter(api).run(preview, options, journal, passwords, new JobControl(), p -> { });
            } finally {
                Files.deleteIfExists(passwordsFile);
                Files.deleteIfExists(csv);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double clientCpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            double synapseCpu = (cpuTicks(synapsePid) - synapseBefore) / 100.0;
            require(report.count(RowOutcome.CREATED) == importCount, "import created " + report.count(RowOutcome.CREATED));
            record("import of " + importCount + " accounts (accounts/s)", importCount / seconds);
            record("  Registrar CPU during the import (% of one core)", 100 * clientCpu / seconds);
            record("  Synapse CPU during the import (% of one core)", 100 * synapseCpu / seconds);
            notes.put("peak memory (VmHWM) of this process after importing " + importCount + " accounts",
                    procStatus().get("VmHWM") / 1024 + " MB");
        }
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of /proc/<pid>/stat, 12 and 13 after the command name.
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    // ---- curl and processes -------------------------------------------------------------------------------------

    private HttpUrl listUrl(String name, long from, long limit) {
        HttpUrl.Builder builder = url.newBuilder().addPathSegments("_synapse/admin/v3/users")
                .addQueryParameter("from", Long.toString(from)).addQueryParameter("limit", Long.toString(limit));
        if (name != null) {
            builder.addQueryParameter("name", name);
        }
        // The list's default filter: active accounts, locked ones included, by user ID.
        if (limit <= 100) {
            builder.addQueryParameter("deactivated", "false").addQueryParameter("locked", "true");
        }
        return builder.addQueryParameter("order_by", "name").addQueryParameter("dir", "f").build();
    }

    private LoginSession floorSession;

    private double curlGet(HttpUrl target, Path out) throws Exception {
        if (floorSession == null) {
            floorSession = new Homeserver(url).auth().loginWithPassword(adminUser, adminPassword);
        }
        return curlGet(target, out, floorSession);
    }

    /** Times one curl request; the bearer header goes through curl's standard input, never the command line. */
    private double curlGet(HttpUrl target, Path out, LoginSession session) throws Exception {
        long started = System.nanoTime();
        run(List.of("curl", "-sS", "--fail", "-o", out == null ? "/dev/null" : out.toString(), "-H", "@-", target.toString()),
                null, "Authorization: Bearer " + session.accessToken().reveal() + "\n");
        return ms(System.nanoTime() - started);
    }

    private double curlLogin() throws Exception {
        String body = JSON.writeValueAsString(Map.of("type", "m.login.password",
                "identifier", Map.of("type", "m.id.user", "user", adminUser), "password", adminPassword));
        Path reply = Files.createTempFile("login", ".json");
        long started = System.nanoTime();
        run(List.of("curl", "-sS", "--fail", "-o", reply.toString(), "-X", "POST", "--data-binary", "@-",
                url + "_matrix/client/v3/login"), null, body);
        double took = ms(System.nanoTime() - started);
        JsonNode session = JSON.readTree(reply.toFile());
        Files.delete(reply);
        Homeserver homeserver = new Homeserver(url);
        homeserver.useToken(new AccessToken(session.path("access_token").asText()));
        homeserver.auth().logout();
        return took;
    }

    private static void run(List<String> command, Path out, String input) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (out != null) {
            builder.redirectOutput(out.toFile());
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " failed");
        }
    }

    private static boolean isOnPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    // ---- figures ------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Timed {
        double time() throws Exception;
    }

    private void floor(String name, Timed timed) throws Exception {
        record(name + " (ms)", timed.time());
    }

    private void record(String name, double value) {
        figures.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        say("%-70s %10.1f", name, value);
    }

    private void ratio(String name, String target, double limit, double value) {
        ratios.computeIfAbsent(name, k -> new Ratio(target, limit, new ArrayList<>())).values().add(value);
        say("%-70s %10.2f", name, value);
    }

    private void size(String name, double megabytes) {
        ratios.put(name, new Ratio("≤ 300 MB", 300, new ArrayList<>(List.of(megabytes))));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private void print() {
        System.out.println();
        System.out.println("| target | median | runs (min … max) | limit | met |");
        System.out.println("|---|---:|---|---|---|");
        ratios.forEach((name, r) -> System.out.printf(Locale.ROOT, "| %s | %.2f | %d (%.2f … %.2f) | %s | %s |%n", name,
                median(r.values()), r.values().size(), r.values().stream().mapToDouble(Double::doubleValue).min().orElse(0),
                r.values().stream().mapToDouble(Double::doubleValue).max().orElse(0), r.target(),
                Double.isNaN(r.limit()) ? "—" : median(r.values()) <= r.limit() ? "yes" : "**no**"));
        System.out.println();
        System.out.println("| figure | median | runs (min … max) |");
        System.out.println("|---|---:|---|");
        figures.forEach((name, values) -> System.out.printf(Locale.ROOT, "| %s | %.1f | %d (%.1f … %.1f) |%n", name,
                median(values), values.size(), values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        System.out.println();
        notes.forEach((name, value) -> System.out.println("- " + name + ": " + value));
    }

    private static Map<String, Long> procStatus() throws IOException {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
                values.put(line.substring(0, line.indexOf(':')), Long.parseLong(line.replaceAll("[^0-9]", "")));
            }
        }
        return values;
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + ", " + parts[1] + ", " + parts[2];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
        System.out.flush();
    }
}
