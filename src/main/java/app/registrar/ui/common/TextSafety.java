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
        if (text == null) {
            return false;
        }
        int[] points = text.codePoints().toArray();
        for (int i = 0; i < points.length; i++) {
            if (isHiddenAt(points, i)) {
                return true;
            }
        }
        return false;
    }

    public static String visible(String text) {
        if (text == null || !hasHidden(text)) {
            return text;
        }
        int[] points = text.codePoints().toArray();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < points.length; i++) {
            if (isHiddenAt(points, i)) {
                out.append(String.format("[U+%04X]", points[i]));
            } else {
                out.appendCodePoint(points[i]);
            }
        }
        return out.toString();
    }

    /**
     * A zero-width joiner between two emoji builds one picture (👩‍💻, 👨‍👩‍👧, 🏳️‍🌈) and hides nothing; anywhere else
     * it is hidden like any other zero-width character.
     */
    private static boolean isHiddenAt(int[] points, int i) {
        int c = points[i];
        if (c == 0x200D && i > 0 && i + 1 < points.length) {
            return !(endsEmoji(points[i - 1]) && isPictographic(points[i + 1]));
        }
        return isHidden(c);
    }

    /** An emoji, or what may close one before a joiner: the emoji presentation selector or a skin tone. */
    private static boolean endsEmoji(int c) {
        return isPictographic(c) || c == 0xFE0F || (c >= 0x1F3FB && c <= 0x1F3FF);
    }

    /** The blocks emoji are drawn from (Java 17 has no Character.isEmoji). */
    private static boolean isPictographic(int c) {
        return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2300 && c <= 0x23FF)
                || (c >= 0x2B00 && c <= 0x2BFF) || c == 0x00A9 || c == 0x00AE || c == 0x203C || c == 0x2049
                || c == 0x2122 || c == 0x2139 || (c >= 0x2194 && c <= 0x21AA);
    }
}
