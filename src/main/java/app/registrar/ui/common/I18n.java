package app.registrar.ui.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every string the admin reads comes from {@code app/registrar/ui/messages.properties} (English) or its German,
 * French and Spanish translations, in the language chosen with {@link #use}. Screens built afterwards speak it.
 */
public final class I18n {

    /** The languages Registrar ships, in the order the language menu lists them. */
    public static final List<Locale> SHIPPED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"));

    /** Not offered to admins: texts about 40 % longer and accented, to find labels that get cut (see {@link Pseudo}). */
    public static final Locale PSEUDO = Locale.forLanguageTag("en-XA");

    private static final String NAME = "app.registrar.ui.messages";
    // No fallback to the computer's language: an admin who chose English on a German system gets English.
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile Locale locale = supported(initial());
    private static volatile ResourceBundle bundle = load(locale);

    private I18n() {
    }

    private static Locale initial() {
        String forced = System.getProperty("registrar.locale");
        return forced == null || forced.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(forced);
    }

    /** The shipped language closest to {@code wanted} (its language, else English); the pseudo-locale as is. */
    public static Locale supported(Locale wanted) {
        if (PSEUDO.equals(wanted)) {
            return PSEUDO;
        }
        return SHIPPED.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst().orElse(Locale.ENGLISH);
    }

    private static ResourceBundle load(Locale wanted) {
        return ResourceBundle.getBundle(NAME, PSEUDO.equals(wanted) ? Locale.ROOT : wanted, NO_FALLBACK);
    }

    /** Speaks {@code wanted} (or the closest shipped language) from now on. */
    public static void use(Locale wanted) {
        Locale chosen = supported(wanted);
        bundle = load(chosen);
        locale = chosen;
    }

    public static Locale locale() {
        return locale;
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
    public static String tr(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (PSEUDO.equals(locale)) {
            pattern = Pseudo.stretch(pattern);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
