package app.registrar.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Turns debug logging on for the whole test run and inspects every log line for secrets: Synapse access,
 * refresh and login tokens, bearer headers, and every password the tests use (string literals containing
 * "Pass" in the test sources, plus the test server's own accounts). {@code LogLeakTest} runs last and fails on
 * any finding.
 */
public final class LogCapture implements LauncherSessionListener {

    private static final Pattern TOKEN = Pattern.compile("(?:sy[trl]|\\bma[tr]|\\bmc[tr])_[A-Za-z0-9]{4,}");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+(?!\\[redacted\\])\\S+");
    private static final Pattern PASSWORD_LITERAL = Pattern.compile("\"([^\"\\s]*Pass[^\"\\s]*)\"");
    private static final AtomicLong RECORDS = new AtomicLong();
    private static final List<String> FINDINGS = Collections.synchronizedList(new ArrayList<>());
    private static volatile Set<String> passwords = Set.of();
    private static volatile boolean installed;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        install();
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        passwords = testPasswords();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.FINE);
        Logger.getLogger("app.registrar").setLevel(Level.ALL);
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                inspect(render(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    private static String render(LogRecord record) {
        StringBuilder text = new StringBuilder(record.getLoggerName() + " " + record.getLevel() + " ");
        String message = record.getMessage();
        if (message != null && record.getParameters() != null && record.getParameters().length > 0) {
            try {
                message = MessageFormat.format(message, record.getParameters());
            } catch (IllegalArgumentException e) {
                message = message + " " + Arrays.toString(record.getParameters());
            }
        }
        text.append(message);
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        return text.toString();
    }

    static void inspect(String line) {
        RECORDS.incrementAndGet();
        Matcher token = TOKEN.matcher(line);
        if (token.find()) {
            FINDINGS.add("token " + token.group().substring(0, 6) + "… in: " + abbreviate(line));
        }
        if (BEARER.matcher(line).find()) {
            FINDINGS.add("bearer header in: " + abbreviate(line));
        }
        for (String password : passwords) {
            if (line.contains(password)) {
                FINDINGS.add("a test password in: " + abbreviate(line.replace(password, "<password>")));
            }
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static Set<String> testPasswords() {
        Set<String> found = new LinkedHashSet<>(List.of("Admin-Pass-2026!", "User-Pass-2026!"));
        Path tests = SynapseExtension.projectDir().resolve("src/test/java");
        try (Stream<Path> files = Files.walk(tests)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                try {
                    Matcher literal = PASSWORD_LITERAL.matcher(Files.readString(file));
                    while (literal.find()) {
                        // Control ids and class names ("reauthPassword", "#newResetPassword") are not passwords, and
                        // the focus log names them; a test password has a digit or a sign besides its letters.
                        if (literal.group(1).length() >= 8 && !literal.group(1).matches("[A-Za-z#.]+")) {
                            found.add(literal.group(1));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Removes findings a test planted on purpose. */
    static void forgetLast(int count) {
        synchronized (FINDINGS) {
            for (int i = 0; i < count && !FINDINGS.isEmpty(); i++) {
                FINDINGS.remove(FINDINGS.size() - 1);
            }
        }
    }

    public static long records() {
        return RECORDS.get();
    }

    public static List<String> findings() {
        return List.copyOf(FINDINGS);
    }

    public static Set<String> watchedPasswords() {
        return passwords;
    }
}
