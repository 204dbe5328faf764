package app.registrar.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped language is complete: the same keys as English, the same placeholders in each text, patterns
 * MessageFormat reads as meant, an Alt shortcut wherever English has one, and no two shortcuts alike in a window.
 * A key added in English alone fails here, so no text slips through untranslated.
 */
class BundlesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    /** The keys whose shortcuts share one window at the same time (the longest-lived combinations). */
    private static final Map<String, List<String>> WINDOWS = Map.of(
            "main window", List.of("main.about", "main.sign.out", "list.more", "list.refresh", "list.create", "list.bulk",
                    "details.edit", "details.password", "details.deactivate", "details.lock", "details.suspend",
                    "details.shadowban", "details.undo", "main.invites", "details.welcome", "encryption.reset", "main.audit"),
            "main window, restricted account", List.of("main.about", "main.sign.out", "list.more", "list.refresh",
                    "list.create", "list.bulk", "details.edit", "details.password", "details.reactivate",
                    "details.unlock", "details.unsuspend", "details.unshadowban", "details.undo", "main.invites", "main.audit"),
            "insights", List.of("insights.inactive.days", "insights.inactive.show", "insights.again"),
            "new account", List.of("edit.user", "edit.display", "edit.avatar.choose", "edit.avatar.remove", "edit.emails",
                    "edit.email.add", "edit.sso.add", "edit.password", "edit.password.generate", "edit.password.copy",
                    "edit.admin", "edit.type", "edit.save.create"),
            "edit account", List.of("edit.display", "edit.avatar.choose", "edit.avatar.remove", "edit.emails",
                    "edit.email.add", "edit.sso.add", "edit.admin", "edit.type", "edit.save.edit"),
            "reset password", List.of("password.new", "edit.password.generate", "edit.password.copy", "password.logout",
                    "password.save"),
            "deactivate", List.of("deactivate.erase", "deactivate.type", "deactivate.action", "deactivate.redact",
                    "deactivate.media"),
            "reactivate", List.of("reactivate.password", "edit.password.generate", "edit.password.copy", "reactivate.action"),
            "connect", List.of("connect.server", "connect.user", "connect.password", "connect.token", "connect.sign.in"));

    private static Map<String, String> load(String suffix) throws IOException {
        try (InputStream in = BundlesTest.class.getResourceAsStream("/app/registrar/ui/messages" + suffix + ".properties")) {
            assertThat(in).as("messages" + suffix + ".properties").isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> out = new TreeMap<>();
            properties.forEach((k, v) -> out.put((String) k, (String) v));
            return out;
        }
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es"})
    void everyBundleHasEveryKeyOfTheEnglishOneAndNoOther(String language) throws IOException {
        Map<String, String> english = load("");
        Map<String, String> translated = load("_" + language);

        assertThat(new TreeSet<>(english.keySet())).as("keys missing in " + language)
                .isSubsetOf(translated.keySet());
        assertThat(new TreeSet<>(translated.keySet())).as("keys in " + language + " that English does not have")
                .isSubsetOf(english.keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_de", "_fr", "_es"})
    void noKeyIsWrittenTwice(String suffix) throws IOException {
        // Properties keep the last of two lines silently; a merge that kept both sides would hide the newer text.
        try (InputStream in = BundlesTest.class.getResourceAsStream("/app/registrar/ui/messages" + suffix + ".properties")) {
            List<String> keys = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#") && l.contains("="))
                    .map(l -> l.substring(0, l.indexOf('=')).strip()).toList();
            assertThat(keys).doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es"})
    void everyTextHasTheSamePlaceholdersAsTheEnglishOne(String language) throws IOException {
        Map<String, String> english = load("");
        Map<String, String> translated = load("_" + language);
        List<String> different = new ArrayList<>();
        english.forEach((key, text) -> {
            String other = translated.get(key);
            if (other != null && !arguments(text).equals(arguments(other))) {
                different.add(key + ": " + arguments(text) + " vs " + arguments(other));
            }
        });
        assertThat(different).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_de", "_fr", "_es"})
    void everyPatternFormatsWithoutLosingTextToQuotes(String suffix) throws IOException {
        List<String> broken = new ArrayList<>();
        Locale locale = suffix.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(suffix.substring(1));
        load(suffix).forEach((key, text) -> {
            Set<String> args = arguments(text);
            if (args.isEmpty()) {
                // Shown as written: a doubled quote would show twice.
                if (text.contains("''")) {
                    broken.add(key + ": '' in a text without placeholders");
                }
                return;
            }
            // With placeholders, a lone ASCII quote starts a quoted run that swallows the rest.
            if (text.replace("''", "").contains("'")) {
                broken.add(key + ": lone ' (use ’ or '')");
                return;
            }
            int count = args.stream().mapToInt(Integer::parseInt).max().orElse(0) + 1;
            Object[] values = new Object[count];
            Arrays.fill(values, 7);
            try {
                String out = new MessageFormat(text, locale).format(values);
                if (out.contains("{") || !out.contains("7")) {
                    broken.add(key + ": formats as " + out);
                }
            } catch (IllegalArgumentException e) {
                broken.add(key + ": " + e.getMessage());
            }
        });
        assertThat(broken).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es"})
    void everyShortcutOfEnglishHasOneInTheTranslation(String language) throws IOException {
        Map<String, String> english = load("");
        Map<String, String> translated = load("_" + language);
        List<String> missing = english.entrySet().stream()
                .filter(e -> mnemonic(e.getValue()) != 0 && translated.containsKey(e.getKey())
                        && mnemonic(translated.get(e.getKey())) == 0)
                .map(Map.Entry::getKey).toList();
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_de", "_fr", "_es"})
    void noTwoShortcutsInOneWindowShareALetter(String suffix) throws IOException {
        Map<String, String> texts = load(suffix);
        List<String> clashes = new ArrayList<>();
        WINDOWS.forEach((window, keys) -> {
            Map<Character, String> used = new TreeMap<>();
            for (String key : keys) {
                char letter = mnemonic(texts.getOrDefault(key, ""));
                if (letter == 0) {
                    clashes.add(window + ": " + key + " has no shortcut");
                } else if (!(letter >= 'A' && letter <= 'Z') && !(letter >= '0' && letter <= '9')) {
                    clashes.add(window + ": " + key + " uses '" + letter + "', which has no key of its own");
                } else if (used.containsKey(letter)) {
                    clashes.add(window + ": Alt+" + letter + " for both " + used.get(letter) + " and " + key);
                } else {
                    used.put(letter, key);
                }
            }
        });
        assertThat(clashes).isEmpty();
    }

    private static char mnemonic(String text) {
        int at = text.indexOf('_');
        return at < 0 || at + 1 >= text.length() ? 0 : Character.toUpperCase(text.charAt(at + 1));
    }
}
