package app.registrar.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the project's Synapse ({@code scripts/synapse.sh start}) once per test run and stops it, by the process
 * id in its pid file, when the run ends — unless a developer had it running already, which is then left running.
 * Inject {@link TestSynapse} into a test or lifecycle method to use it. When Python or the venv module is missing,
 * every test that needs the server fails with the script's sentence saying so; none is skipped.
 */
public final class SynapseExtension implements ParameterResolver {

    private static final Object LOCK = new Object();
    private static volatile TestSynapse server;
    private static volatile RuntimeException startFailure;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestSynapse.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return start(context);
    }

    /** The running server, started on first use. */
    public static TestSynapse start(ExtensionContext context) {
        synchronized (LOCK) {
            if (startFailure != null) {
                throw startFailure;
            }
            if (server == null) {
                try {
                    boolean wasRunning = run("status").startsWith("running");
                    server = parse(run("start"));
                    if (!wasRunning) {
                        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                                .put(SynapseExtension.class, (ExtensionContext.Store.CloseableResource) () -> run("stop"));
                    }
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
            }
            return server;
        }
    }

    private static TestSynapse parse(String env) {
        Map<String, String> values = new HashMap<>();
        for (String line : env.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return new TestSynapse(HttpUrl.get(values.get("url")), values.get("server_name"),
                values.get("admin_user"), values.get("admin_password"),
                values.get("user_user"), values.get("user_password"));
    }

    public static Path projectDir() {
        String dir = System.getProperty("registrar.projectDir");
        return dir == null ? Path.of("").toAbsolutePath() : Path.of(dir);
    }

    private static String run(String command) {
        Path script = projectDir().resolve("scripts/synapse.sh");
        try {
            Path errors = Files.createTempFile("synapse-", ".log");
            Process process = new ProcessBuilder(List.of("bash", script.toString(), command))
                    .directory(projectDir().toFile())
                    .redirectError(errors.toFile())
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("scripts/synapse.sh " + command + " did not finish within 10 minutes");
            }
            String err = Files.readString(errors);
            Files.deleteIfExists(errors);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("The test homeserver could not be started (scripts/synapse.sh "
                        + command + " exited " + process.exitValue() + "):\n" + err);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("scripts/synapse.sh could not be run: " + e.getMessage()
                    + ". The tests need bash and Python 3 to start a real Synapse.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the test homeserver", e);
        }
    }
}
