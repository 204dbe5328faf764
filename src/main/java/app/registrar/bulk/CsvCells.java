package app.registrar.bulk;

import java.time.Instant;

/**
 * How cells are written to and read from CSV files for spreadsheets. A cell that starts with {@code = + - @}, a tab
 * or a carriage return would be run as a formula by Excel, LibreOffice or Google Sheets (CSV injection), so it is
 * written with a leading apostrophe, which spreadsheets show as plain text; reading removes that apostrophe again,
 * so an exported file can be imported as it is.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return needsApostrophe(value) ? "'" + value : value;
    }

    /** Undoes {@link #neutralise}; other text is kept as it is, apart from surrounding white space. */
    public static String restore(String value) {
        if (value == null) {
            return "";
        }
        String text = value.strip();
        if (text.length() > 1 && text.charAt(0) == '\'' && needsApostrophe(text.substring(1))) {
            return text.substring(1);
        }
        return text;
    }

    /**
     * A formula-like value, and also one that already starts with apostrophes followed by a formula character
     * ({@code '=x}): without one more apostrophe, reading it back would take its own apostrophe away.
     */
    private static boolean needsApostrophe(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        return i < value.length() && startsLikeAFormula(value.substring(i));
    }

    static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    static String time(Instant value) {
        return value == null ? "" : value.toString();
    }
}
