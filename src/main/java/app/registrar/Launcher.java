package app.registrar;

import app.registrar.ui.common.view.Theme;
import javafx.application.Application;

/**
 * The program's entry point. It does not extend {@code Application}: with JavaFX on the class path (jpackage,
 * plain {@code java -jar}), a main class that does fails with "JavaFX runtime components are missing".
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // Before anything opens a connection: OkHttp's default ProxySelector then follows the system's proxy
        // settings (Windows and macOS settings, GNOME's on Linux). A -D on the command line still wins.
        if (System.getProperty("java.net.useSystemProxies") == null) {
            System.setProperty("java.net.useSystemProxies", "true");
        }
        for (String arg : args) {
            if (arg.equals("--version") || arg.equals("-v")) {
                System.out.println(BuildInfo.name() + " " + BuildInfo.version());
                return;
            }
        }
        // Reading the system's light or dark setting runs a program; do it while the toolkit starts.
        Theme.startDetecting();
        Application.launch(RegistrarApp.class, args);
    }
}
