package app.registrar.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every string the admin reads comes from {@code app/registrar/ui/messages.properties} (English first). */
public final class I18n {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("app.registrar.ui.messages", Locale.getDefault());

    private I18n() {
    }

    public static ResourceBundle bundle() {
        return BUNDLE;
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
    public static String tr(String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, BUNDLE.getLocale()).format(args);
    }
}
