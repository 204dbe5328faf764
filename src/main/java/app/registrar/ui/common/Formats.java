package app.registrar.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times as the admin reads them, in their own time zone and locale. */
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);

    private Formats() {
    }

    // The language the admin chose in Registrar decides the format, not only the computer's setting.
    private static String format(DateTimeFormatter formatter, Instant instant) {
        return formatter.withLocale(I18n.locale()).format(instant.atZone(ZoneId.systemDefault()));
    }

    public static String date(Instant instant) {
        return instant == null ? "" : format(DATE, instant);
    }

    public static String dateTime(Instant instant) {
        return instant == null ? I18n.tr("time.never") : format(DATE_TIME, instant);
    }

    /** "20:15" (or "8:15 PM" where the language says so): when something just happened. */
    public static String time(Instant instant) {
        return format(TIME, instant);
    }

    /** "5 minutes ago", "3 days ago", or the date for anything older than a month. */
    public static String ago(Instant instant) {
        if (instant == null) {
            return I18n.tr("time.never");
        }
        Duration age = Duration.between(instant, Instant.now());
        if (age.isNegative() || age.toMinutes() < 1) {
            return I18n.tr("time.now");
        }
        if (age.toHours() < 1) {
            return I18n.tr("time.minutes", age.toMinutes());
        }
        if (age.toDays() < 1) {
            return I18n.tr("time.hours", age.toHours());
        }
        if (age.toDays() < 31) {
            return I18n.tr("time.days", age.toDays());
        }
        return date(instant);
    }

    /** A size in bytes as people read it: 0 B, 512 B, 1.5 kB, 3.2 MB, 1.1 GB (decimal units, like file managers). */
    public static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.getDefault(), "%.1f %s", value, units[unit]);
    }
}
