package app.registrar.ui.common;

/**
 * Shows text from the server as plain characters: direction overrides (which could make "evil" read as "live")
 * and zero-width characters (which make two names look the same) are replaced by a visible marker such as
 * {@code [U+202E]}, never interpreted.
 */
public final class TextSafety {

    private TextSafety() {
    }

    public static boolean isHidden(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
    }

    /** True when the text holds a character {@link #visible} would mark. */
    public static boolean hasHidden(String text) {
        return text != null && text.codePoints().anyMatch(TextSafety::isHidden);
    }

    public static String visible(String text) {
        if (text == null || !hasHidden(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (isHidden(c)) {
                out.append(String.format("[U+%04X]", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
