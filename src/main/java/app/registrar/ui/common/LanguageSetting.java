package app.registrar.ui.common;

import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * The language the admin chose in Registrar, remembered in the preferences; none chosen means "follow the
 * system". {@code -Dregistrar.locale} (tests, the pseudo-language) wins over both.
 */
public final class LanguageSetting {

    private static final String KEY = "language";
    private final Preferences prefs;
    private final Locale system;

    public LanguageSetting(Preferences prefs, Locale system) {
        this.prefs = prefs;
        this.system = system;
    }

    /** The remembered choice, empty when Registrar follows the system. */
    public Optional<Locale> chosen() {
        String tag = prefs.get(KEY, "");
        return tag.isBlank() ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
    }

    /** The language to speak now: the forced one, else the chosen one, else the system's. */
    public Locale effective() {
        String forced = System.getProperty("registrar.locale", "");
        if (!forced.isBlank()) {
            return Locale.forLanguageTag(forced);
        }
        return chosen().orElse(system);
    }

    /** Remembers {@code choice} (empty: follow the system) and speaks it from now on. */
    public void choose(Optional<Locale> choice) {
        if (choice.isPresent()) {
            prefs.put(KEY, choice.get().toLanguageTag());
        } else {
            prefs.remove(KEY);
        }
        I18n.use(effective());
    }

    public Locale system() {
        return I18n.supported(system);
    }
}
