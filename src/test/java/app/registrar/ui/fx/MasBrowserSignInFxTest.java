package app.registrar.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.testing.FxAppHarness;
import app.registrar.testing.MasBrowser;
import app.registrar.testing.MasExtension;
import app.registrar.testing.MasProbe;
import app.registrar.testing.TestMas;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;

/**
 * The browser sign-in on a MAS server, clicked through the real app: the admin types the server, picks Single
 * sign-on and presses Sign in, and the main window opens signed in as that admin.
 *
 * <p>What is scripted: only the system browser. The app's "open this page in the browser" step (HostServices in the
 * shipped app) is given {@link MasBrowser}, which does with plain HTTP what the person does in MAS's real pages — log
 * in as the admin on MAS's login form, press Continue on MAS's consent page — and follows MAS's redirect back to the
 * app's own loopback listener. Everything else (discovery, client registration, PKCE, the code exchange, the admin
 * check, the main window) is the app as shipped against the real MAS + Synapse stack.
 */
@ExtendWith(MasExtension.class)
class MasBrowserSignInFxTest {

    private static TestMas mas;
    private static final List<CompletableFuture<MasBrowser.Outcome>> browsers = new CopyOnWriteArrayList<>();
    private static final FxAppHarness ui = new FxAppHarness("mas-browser");
    private static final FxRobot robot = ui.robot();

    @BeforeAll
    static void startApp(TestMas stack) throws Exception {
        mas = stack;
        ui.start(url -> browsers.add(MasBrowser.inBackground(url, stack.adminLocalpart(), stack.adminPassword(),
                redirectUri(url), () -> { })));
    }

    @AfterAll
    static void stopApp() throws TimeoutException {
        ui.stop();
    }

    /** The loopback address the app put in the authorization request: where the scripted browser stops. */
    private static String redirectUri(String authorizationUrl) {
        return Arrays.stream(URI.create(authorizationUrl).getRawQuery().split("&"))
                .filter(pair -> pair.startsWith("redirect_uri="))
                .map(pair -> URLDecoder.decode(pair.substring("redirect_uri=".length()), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
    }

    private static long activeAppSessionsOfTheAdmin(MasProbe probe) {
        String admin = probe.masUserId(mas.adminLocalpart());
        return probe.mas("GET", "oauth2-sessions?filter[user]=" + admin + "&filter[status]=active&count=true&page[first]=1", null)
                .body().path("meta").path("count").asLong();
    }

    @Test
    void signingInThroughMasInTheBrowserOpensTheMainWindowAsTheAdmin() throws Exception {
        MasProbe probe = new MasProbe(mas);
        long sessionsBefore = activeAppSessionsOfTheAdmin(probe);

        robot.clickOn("#server").write(mas.synapseUrl().toString());
        robot.clickOn("#methodSso");
        ui.shoot("mas-browser-01-connect");
        robot.clickOn("#signIn");

        try {
            ui.waitUntil(() -> ui.showing("#userTable"));
        } finally {
            // When the scripted browser got stuck, its trail of MAS's pages says where.
            for (CompletableFuture<MasBrowser.Outcome> browser : browsers) {
                if (browser.isCompletedExceptionally()) {
                    browser.join();
                }
            }
        }
        ui.waitUntil(() -> robot.lookup("#userTable").queryAs(TableView.class).getItems().size() > 0);
        ui.shoot("mas-browser-02-main-window");

        assertThat(browsers).as("the app opened MAS's page once").hasSize(1);
        assertThat(browsers.get(0).join().lastUrl().toString()).as("MAS sent the browser back to the app")
                .startsWith("http://127.0.0.1:");
        String admin = "@" + mas.adminLocalpart() + ":" + mas.serverName();
        assertThat(robot.lookup(".label").queryAllAs(Labeled.class).stream().map(Labeled::getText))
                .anySatisfy(text -> assertThat(text).contains(admin));
        assertThat(activeAppSessionsOfTheAdmin(probe)).as("MAS holds one more app session of the admin")
                .isEqualTo(sessionsBefore + 1);

        // The invites of a MAS server: MAS's registration tokens, opened from the main window, sign-up switched on.
        ui.openDialog("#openInvites");
        ui.waitUntil(() -> ui.showing("#tokenTable"));
        ui.type("#inviteUses", "3");
        robot.clickOn("#saveInvite");
        ui.waitUntil(() -> robot.lookup("#tokenTable").queryAs(TableView.class).getItems().size() > 0);
        assertThat(robot.lookup("#signUpOff").query().getParent().isVisible()).as("no 'sign-up is off' warning: MAS lets people sign up with an invite").isFalse();
        ui.shootWindowOf("#tokenTable", "mas-browser-03-invites");
        ui.closeDialogs();
    }
}
