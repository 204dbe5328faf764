package app.registrar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Folders for the audit logs tests write, all under {@code target/audit-logs}, so {@link LogLeakTest} can read
 * every one of them at the end of the run.
 */
public final class AuditTestLogs {

    private AuditTestLogs() {
    }

    public static Path root() {
        return SynapseExtension.projectDir().resolve("target").resolve("audit-logs");
    }

    public static Path freshDirectory(String name) {
        try {
            return Files.createDirectories(root().resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
