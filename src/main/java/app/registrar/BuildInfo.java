package app.registrar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Version, name and licence from the POM (written into {@code build.properties} when the project is built). */
public final class BuildInfo {

    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    private static Properties load() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    public static String version() {
        return PROPS.getProperty("version", "development");
    }

    public static String name() {
        return PROPS.getProperty("name", "Registrar");
    }

    public static String license() {
        return PROPS.getProperty("license", "");
    }
}
