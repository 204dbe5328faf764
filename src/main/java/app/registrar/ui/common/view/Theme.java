package app.registrar.ui.common.view;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;

/**
 * Applies the AtlantaFX Primer theme that matches the system's light or dark setting, plus Registrar's one
 * stylesheet. JavaFX 21 cannot ask the system, so each platform's own setting is read once at start by running
 * {@code defaults}, {@code reg} or {@code gsettings} (up to 800 ms): on a thread of its own, started by the
 * launcher while the JavaFX toolkit starts, never on the JavaFX thread. {@code -Dregistrar.theme=dark|light}
 * overrides it.
 */
public final class Theme {

    private static final CompletableFuture<Boolean> DARK = new CompletableFuture<>();
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Theme() {
    }

    /** Starts reading the system's setting in the background; called once, before the toolkit starts. */
    public static void startDetecting() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread detect = new Thread(() -> DARK.complete(isDark()), "registrar-theme");
        detect.setDaemon(true);
        detect.start();
    }

    /**
     * Applies the theme the system asks for. When the setting is not read yet (a slow system), the light theme is
     * applied at once and the dark one as soon as the answer arrives, rather than keeping the window waiting.
     */
    public static void apply() {
        startDetecting();
        if (DARK.isDone()) {
            use(DARK.join());
            return;
        }
        use(false);
        DARK.thenAccept(dark -> {
            if (dark) {
                Platform.runLater(() -> use(true));
            }
        });
    }

    private static void use(boolean dark) {
        // The binary form AtlantaFX ships beside the CSS: read as it is, where 170 KB of CSS text would be parsed
        // before the first window.
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
    }

    public static String stylesheet() {
        return Theme.class.getResource("/app/registrar/ui/registrar.css").toExternalForm();
    }

    static boolean isDark() {
        String forced = System.getProperty("registrar.theme", "");
        if (!forced.isEmpty()) {
            return forced.equalsIgnoreCase("dark");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return read("defaults", "read", "-g", "AppleInterfaceStyle").toLowerCase(Locale.ROOT).contains("dark");
        }
        if (os.contains("win")) {
            return read("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme").contains("0x0");
        }
        String gtk = System.getenv().getOrDefault("GTK_THEME", "");
        if (gtk.toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        return read("gsettings", "get", "org.gnome.desktop.interface", "color-scheme").contains("prefer-dark");
    }

    private static String read(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(800, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return "";
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
