package app.registrar.bulk;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;

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

    /**
     * {@link Instant#toString()} (ISO-8601 in UTC, milliseconds only when there are some), written by hand for the
     * instants an account list has (whole milliseconds, years 1970 to 9999): the JDK's formatter took a fifth of the
     * export's own time for a million accounts' two dates each. Anything else goes to the JDK's.
     */
    static String time(Instant value) {
        if (value == null) {
            return "";
        }
        long seconds = value.getEpochSecond();
        int nanos = value.getNano();
        if (seconds < 0 || seconds >= LAST_SECOND || nanos % 1_000_000 != 0) {
            return value.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(seconds / 86_400);
        int second = (int) (seconds % 86_400);
        char[] text = new char[nanos == 0 ? 20 : 24];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, second / 3600, 2);
        text[13] = ':';
        digits(text, 14, second / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, second % 60, 2);
        if (nanos != 0) {
            text[19] = '.';
            digits(text, 20, nanos / 1_000_000, 3);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    /** 10000-01-01T00:00:00Z: from there on the JDK writes a sign before the year. */
    private static final long LAST_SECOND = 253_402_300_800L;

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Writes one row of a CSV file: every cell quoted (so a spreadsheet never guesses a type), quotes inside doubled,
     * a CRLF at the end: what Jackson's CSV writer wrote with quotes always on, by hand since that writer took half
     * of the export's own time.
     */
    static void writeRow(Writer out, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write('"');
            String cell = cells[i];
            out.write(cell.indexOf('"') < 0 ? cell : cell.replace("\"", "\"\""));
            out.write('"');
        }
        out.write("\r\n");
    }
}
