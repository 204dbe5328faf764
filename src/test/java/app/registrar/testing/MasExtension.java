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
 * Starts the project's MAS stack ({@code scripts/mas.sh start}: PostgreSQL, MAS, Synapse) once per test run and
 * stops it by its pid files when the run ends — unless it was running already, which is then left running. Inject
 * {@link TestMas}. On a machine where MAS was never built, the start builds it first (about 20 minutes, needs cargo
 * and Go); when that cannot work, every MAS test fails with the script's sentence saying what is missing.
 */
public final class MasExtension implements ParameterResolver {

    private static final Object LOCK = new Object();
    private static volatile TestMas stack;
    private static volatile RuntimeException startFailure;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestMas.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return start(context);
    }

    public static TestMas start(ExtensionContext context) {
        synchronized (LOCK) {
            if (startFailure != null) {
                throw startFailure;
            }
            if (stack == null) {
                try {
                    String[] status = run("status").strip().split("\n");
                    boolean wasRunning = status[status.length - 1].equals("running");
                    stack = parse(run("start"));
                    if (!wasRunning) {
                        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                                .put(MasExtension.class, (ExtensionContext.Store.CloseableResource) () -> run("stop"));
                    }
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
            }
            return stack;
        }
    }

    private static TestMas parse(String env) {
        Map<String, String> v = new HashMap<>();
        for (String line : env.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                v.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return new TestMas(HttpUrl.get(v.get("mas_url")), HttpUrl.get(v.get("mas_bare_url")), HttpUrl.get(v.get("synapse_url")),
                v.get("server_name"), v.get("admin_client_id"), v.get("admin_client_secret"), v.get("plain_client_id"),
                v.get("plain_client_secret"), v.get("sso_provider_id"), v.get("admin_user"), v.get("admin_password"),
                v.get("user_user"), v.get("user_password"));
    }

    private static String run(String command) {
        Path script = SynapseExtension.projectDir().resolve("scripts/mas.sh");
        try {
            Path errors = Files.createTempFile("mas-", ".log");
            Process process = new ProcessBuilder(List.of("bash", script.toString(), command))
                    .directory(SynapseExtension.projectDir().toFile())
                    .redirectError(errors.toFile())
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // A first start on a new machine builds MAS (about 20 minutes on 2 cores).
            if (!process.waitFor(60, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("scripts/mas.sh " + command + " did not finish within 60 minutes");
            }
            String err = Files.readString(errors);
            Files.deleteIfExists(errors);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("The MAS test stack could not be started (scripts/mas.sh " + command
                        + " exited " + process.exitValue() + "):\n" + err);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("scripts/mas.sh could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the MAS test stack", e);
        }
    }
}
