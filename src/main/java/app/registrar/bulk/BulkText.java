package app.registrar.bulk;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The admin-facing texts of the bulk features, from {@code app/registrar/bulk/bulk.properties}. */
public final class BulkText {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("app.registrar.bulk.bulk", Locale.getDefault());

    private BulkText() {
    }

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
