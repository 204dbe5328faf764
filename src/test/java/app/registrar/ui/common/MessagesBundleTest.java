package app.registrar.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The one bundle, {@code ui/messages.properties}, and every translation of it beside it, held against the code: a
 * key the code asks for must exist, a key nothing asks for must go, and every language must have the same keys
 * with the same placeholders. Keys the code builds from an enum constant or a word ({@code "error." + category})
 * count as asked for when a prefix the code writes, a constant or word of the code and any suffix the code
 * appends make them up exactly.
 */
@Tag("fast")
class MessagesBundleTest {

    private static final Path BUNDLES = Path.of("src/main/resources/app/registrar/ui");
    private static final Path CODE = Path.of("src/main/java");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
    private static final Pattern TR_CALL = Pattern.compile("\\btr\\(\\s*(?:[^()\"]*\\?\\s*)?\"([^\"]+)\"");
    private static final Pattern TERNARY_ELSE = Pattern.compile("\\btr\\([^()\"]*\\?\\s*\"[^\"]+\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PREFIX = Pattern.compile("\"([a-z][a-z0-9_.]*\\.)\"\\s*\\+");
    private static final Pattern SUFFIX = Pattern.compile("\\+\\s*\"(\\.[a-z0-9_.]+)\"");
    private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(,[^}]*)?}");

    private static Map<String, Properties> bundles;
    private static String code;

    @BeforeAll
    static void read() throws IOException {
        bundles = new TreeMap<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("messages(_\\w+)?\\.properties"))
                    .toList()) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                bundles.put(file.getFileName().toString(), properties);
            }
        }
        try (Stream<Path> files = Files.walk(CODE)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
            // Character literals such as '"' would pair the wrong quotes; they hold no keys.
            code = all.toString().replaceAll("'(?:\\\\.|[^'\\\\])'", "' '");
        }
    }

    @Test
    void everyKeyTheCodeAsksForIsInTheBundle() {
        Set<String> asked = new TreeSet<>(matches(TR_CALL));
        asked.addAll(matches(TERNARY_ELSE));
        asked.removeIf(key -> key.endsWith(".") || !KEY.matcher(key).matches());
        assertThat(asked).isNotEmpty();
        assertThat(missingFrom(english(), asked)).as("keys used in code but missing in messages.properties").isEmpty();
    }

    @Test
    void everyKeyInTheBundleIsUsed() {
        Set<String> literals = matches(LITERAL);
        Set<String> prefixes = matches(PREFIX);
        Set<String> suffixes = new HashSet<>(matches(SUFFIX));
        suffixes.add("");
        Set<String> constants = new HashSet<>();
        for (String constant : matches(CONSTANT)) {
            String lower = constant.toLowerCase(Locale.ROOT);
            constants.add(lower);
            constants.add(lower.replace('_', '.'));
        }
        // Lower-case words the code passes as values ("bot", "support", "reset-password") build keys too.
        literals.stream().filter(l -> l.matches("[a-z][a-z0-9_-]*")).forEach(constants::add);
        Set<String> unused = new TreeSet<>();
        for (String key : english().stringPropertyNames()) {
            boolean built = prefixes.stream().anyMatch(p -> key.startsWith(p) && suffixes.stream().anyMatch(s ->
                    key.endsWith(s) && key.length() > p.length() + s.length()
                            && constants.contains(key.substring(p.length(), key.length() - s.length()))));
            if (!literals.contains(key) && !built) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys in messages.properties that no code asks for").isEmpty();
    }

    @Test
    void everyLanguageHasTheSameKeysAndPlaceholders() {
        Properties english = english();
        for (Map.Entry<String, Properties> bundle : bundles.entrySet()) {
            Properties other = bundle.getValue();
            assertThat(other.stringPropertyNames()).as("keys of " + bundle.getKey())
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            for (String key : english.stringPropertyNames()) {
                assertThat(placeholders(other.getProperty(key)))
                        .as("placeholders of " + key + " in " + bundle.getKey())
                        .isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    @Test
    void placeholdersAreReadAsMessageFormatReadsThem() {
        assertThat(placeholders("{0} of {1,number,integer} done, {0}")).containsExactly("{0}", "{1}");
        assertThat(placeholders("none")).isEmpty();
    }

    private static Properties english() {
        assertThat(bundles).containsKey("messages.properties");
        return bundles.get("messages.properties");
    }

    private static Set<String> missingFrom(Properties bundle, Set<String> keys) {
        return keys.stream().filter(key -> bundle.getProperty(key) == null).collect(Collectors.toCollection(TreeSet::new));
    }

    static List<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            // Only which arguments a text uses must match across languages: a translation may say a number with a
            // plural choice ({0,choice,…}) where English shows it plainly, and a choice holds words of its language.
            String placeholder = matcher.group();
            int end = placeholder.indexOf(',');
            found.add(end < 0 ? placeholder : placeholder.substring(0, end) + "}");
        }
        return List.copyOf(found);
    }

    private static Set<String> matches(Pattern pattern) {
        Set<String> found = new HashSet<>();
        Matcher matcher = pattern.matcher(code);
        while (matcher.find()) {
            found.add(matcher.groupCount() == 0 ? matcher.group() : matcher.group(1));
        }
        return found;
    }
}
