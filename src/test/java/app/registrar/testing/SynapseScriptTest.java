package app.registrar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test homeserver script tells a developer what is missing instead of failing obscurely. */
class SynapseScriptTest {

    @Test
    void missingPythonIsReportedInASentenceThatSaysWhatToInstall(@TempDir Path cache) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", SynapseExtension.projectDir().resolve("scripts/synapse.sh").toString(), "install");
        builder.environment().put("PYTHON", "python-that-does-not-exist");
        builder.environment().put("REGISTRAR_CACHE", cache.toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("Python 3 was not found").contains("python3-venv");
    }
}
