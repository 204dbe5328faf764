package app.registrar.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.UserUpdate;
import app.registrar.bulk.BulkService;
import app.registrar.service.UiTaskExecutor;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FxAppHarness;
import app.registrar.testing.Screenshots;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseDatabase;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.bulk.view.InactiveAccountsDialog;
import app.registrar.ui.common.I18n;
import app.registrar.ui.insights.view.InsightsDialog;
import app.registrar.ui.insights.InsightsViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The Insights screen in the real app against the real Synapse: opened from the list's More menu, its bars hold
 * the numbers SQL counts in Synapse's database, the inactive accounts are one click away, and a chart is saved as a PNG.
 */
@ExtendWith(SynapseExtension.class)
class InsightsFxTest {

    private static final FxAppHarness ui = new FxAppHarness("insights");
    private static final FxRobot robot = ui.robot();
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static TestSynapse synapse;

    @BeforeAll
    static void startAndSignIn(TestSynapse server) throws Exception {
        synapse = server;
        seedAccountsOverAYear(server);
        ui.start().signInAsAdmin(synapse);
    }

    /** A few people who joined over the last year and were last seen at different times (dated back in SQL). */
    private static void seedAccountsOverAYear(TestSynapse server) {
        AdminApi admin = server.signedInAdmin().admin();
        SynapseDatabase db = SynapseDatabase.ofTestServer();
        String prefix = "insfx" + UUID.randomUUID().toString().substring(0, 6);
        long now = System.currentTimeMillis();
        int[][] createdAndSeen = {{330, 2}, {300, 40}, {250, 5}, {250, 200}, {190, -1}, {150, 12}, {120, 100},
                {90, 1}, {60, 20}, {45, -1}, {30, 3}, {20, 6}};
        for (int i = 0; i < createdAndSeen.length; i++) {
            String userId = "@" + prefix + "-" + i + ":" + server.serverName();
            admin.createUser(userId, new UserUpdate().password("Insight-Fx-Pass-1"));
            db.backdate(userId, now - createdAndSeen[i][0] * DAY,
                    createdAndSeen[i][1] < 0 ? null : now - createdAndSeen[i][1] * DAY);
        }
    }

    @AfterAll
    static void stopApp() throws TimeoutException {
        ui.stop();
    }

    private static Window window(Class<? extends Window> type) {
        return robot.listTargetWindows().stream().filter(type::isInstance).reduce((a, b) -> b).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Long> bars(String chartId) {
        BarChart<Number, String> chart = robot.lookup(chartId).queryAs(BarChart.class);
        return chart.getData().get(0).getData().stream().map(XYChart.Data::getXValue).map(Number::longValue).toList();
    }

    @Test
    void theScreenShowsWhatSqlCountsAndListsTheInactiveAccountsOneClickAway() throws Exception {
        SynapseDatabase db = SynapseDatabase.ofTestServer();
        // From the list's More menu, as the admin opens it.
        MenuButton more = robot.lookup("#moreActions").queryAs(MenuButton.class);
        Platform.runLater(() -> more.getItems().stream().filter(i -> "openInsights".equals(i.getId())).findFirst()
                .orElseThrow().fire());
        ui.waitUntil(() -> robot.lookup("#insightsStatus").tryQuery().isPresent()
                && robot.lookup("#insightsStatus").queryLabeled().getText().contains("accounts counted at"));

        // The horizontal bars are listed bottom-up: admins first, deactivated last.
        assertThat(bars("#kindsChart")).containsExactly(db.count("SELECT COUNT(*) FROM users WHERE admin = 1"),
                db.count("SELECT COUNT(*) FROM users WHERE user_type = 'bot'"),
                db.count("SELECT COUNT(*) FROM users WHERE is_guest = 1"),
                db.count("SELECT COUNT(*) FROM users WHERE locked = 1"),
                db.count("SELECT COUNT(*) FROM users WHERE deactivated = 1"));
        robot.interact(() -> robot.lookup("#insightsInactiveDays").queryAs(Spinner.class).getValueFactory().setValue(180));
        String countText = robot.lookup("#insightsInactiveCount").queryLabeled().getText();
        robot.interact(() -> Screenshots.save(window(InsightsDialog.class).getScene(), "23-insights"));
        Platform.runLater(() -> robot.lookup("#insightsShowInactive").queryButton().fire());
        // Found once rows are listed and the search is over (its button is pressable again).
        ui.waitUntil(() -> robot.lookup("#inactiveRows").tryQuery().isPresent()
                && !robot.lookup("#inactiveRows").queryAs(TableView.class).getItems().isEmpty()
                && !robot.lookup("#inactiveFind").queryButton().isDisabled());
        TableView<?> rows = robot.lookup("#inactiveRows").queryAs(TableView.class);
        robot.interact(() -> Screenshots.save(window(InactiveAccountsDialog.class).getScene(), "24-insights-inactive"));

        assertThat(countText).isEqualTo(rows.getItems().size() + " accounts not used for more than 180 days.");
        assertThat(rows.getItems()).isNotEmpty();
        robot.interact(() -> ((Stage) window(InactiveAccountsDialog.class)).close());
        robot.interact(() -> ((Stage) window(InsightsDialog.class)).close());
    }

    @Test
    void saveAsPngWritesTheChartAsDrawnWhereTheAdminChose(@TempDir Path dir) throws Exception {
        FakeDialogService dialogs = new FakeDialogService();
        Path file = dir.resolve("kinds.png");
        dialogs.pickPng(file);
        UiTaskExecutor executor = new UiTaskExecutor(2);
        InsightsViewModel model = new InsightsViewModel(new BulkService(executor,
                SignedIn.asAdmin(synapse, executor).connection()), dialogs);
        Platform.runLater(() -> new InsightsDialog(robot.listTargetWindows().get(0), model).show());
        ui.waitUntil(() -> model.reportProperty().get() != null && !model.runningProperty().get());

        robot.interact(() -> robot.lookup("#saveKinds").queryButton().fire());
        ui.waitUntil(() -> Files.exists(file) && !dialogs.notifications.isEmpty());

        Node chart = robot.lookup("#kindsChart").query();
        BufferedImage saved = ImageIO.read(file.toFile());
        assertThat(saved.getWidth()).isEqualTo((int) Math.ceil(chart.getBoundsInParent().getWidth()));
        assertThat(saved.getHeight()).isEqualTo((int) Math.ceil(chart.getBoundsInParent().getHeight()));
        robot.interact(() -> ((Stage) window(InsightsDialog.class)).close());
    }

    /**
     * The three "Save as PNG" buttons, one per chart, each with its own Alt shortcut in every shipped language: no
     * letter shared with another control of the dialog, and Alt+letter presses exactly that button.
     */
    @Test
    void eachSaveAsPngButtonHasItsOwnAltShortcutInEveryLanguage() throws Exception {
        java.util.List<String> problems = new java.util.ArrayList<>();
        java.util.Locale before = I18n.locale();
        UiTaskExecutor executor = new UiTaskExecutor(2);
        try {
            for (java.util.Locale language : I18n.SHIPPED) {
                I18n.use(language);
                InsightsViewModel model = new InsightsViewModel(new BulkService(executor,
                        SignedIn.asAdmin(synapse, executor).connection()), new FakeDialogService());
                Platform.runLater(() -> new InsightsDialog(robot.listTargetWindows().get(0), model).show());
                ui.waitUntil(() -> model.reportProperty().get() != null && !model.runningProperty().get());
                javafx.scene.Scene scene = window(InsightsDialog.class).getScene();
                java.util.Map<Character, java.util.List<String>> byLetter = new java.util.TreeMap<>();
                for (javafx.scene.control.Labeled control : robot.lookup(n -> n instanceof javafx.scene.control.Labeled l
                        && l.isMnemonicParsing() && l.getText() != null && l.getText().contains("_") && n.isVisible())
                        .queryAllAs(javafx.scene.control.Labeled.class)) {
                    if (control.getScene() != scene) {
                        continue;
                    }
                    String text = control.getText();
                    byLetter.computeIfAbsent(Character.toUpperCase(text.charAt(text.indexOf('_') + 1)),
                            k -> new java.util.ArrayList<>()).add(text);
                }
                byLetter.forEach((letter, texts) -> {
                    if (texts.size() > 1) {
                        problems.add(language + ": Alt+" + letter + " on " + texts);
                    }
                });
                for (String id : new String[] {"#saveCreated", "#saveActivity", "#saveKinds"}) {
                    javafx.scene.control.Button save = robot.from(scene.getRoot()).lookup(id).queryButton();
                    String text = save.getText();
                    if (!save.isMnemonicParsing() || !text.contains("_")) {
                        problems.add(language + ": no shortcut on " + text);
                        continue;
                    }
                    javafx.scene.input.KeyCode code = javafx.scene.input.KeyCode.getKeyCode(
                            String.valueOf(Character.toUpperCase(text.charAt(text.indexOf('_') + 1))));
                    if (code == null) {
                        problems.add(language + ": no key for the shortcut of " + text);
                        continue;
                    }
                    boolean[] fired = new boolean[1];
                    javafx.event.EventHandler<javafx.event.ActionEvent> catcher = e -> {
                        fired[0] = true;
                        e.consume();
                    };
                    robot.interact(() -> save.addEventFilter(javafx.event.ActionEvent.ACTION, catcher));
                    robot.interact(() -> scene.getRoot().requestFocus());
                    robot.press(javafx.scene.input.KeyCode.ALT).press(code).release(code)
                            .release(javafx.scene.input.KeyCode.ALT);
                    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
                    robot.interact(() -> save.removeEventFilter(javafx.event.ActionEvent.ACTION, catcher));
                    if (!fired[0]) {
                        problems.add(language + ": Alt+" + code.getName() + " does not press " + text);
                    }
                }
                if (language.equals(java.util.Locale.GERMAN)) {
                    robot.interact(() -> Screenshots.save(scene, "insights-save-shortcuts-de"));
                }
                robot.interact(() -> ((Stage) window(InsightsDialog.class)).close());
            }
        } finally {
            I18n.use(before);
            executor.shutdown();
        }
        assertThat(problems).isEmpty();
    }
}
