package app.registrar.ui.common;

/**
 * The pseudo-language {@code en-XA}: English with accented letters and about 40 % more length, so a screen run
 * in it shows at once which labels would be cut in a longer language, and which texts bypass the bundle.
 * Placeholders ({@code {0,number}}), quotes and the mnemonic's {@code _} are kept as they are.
 */
public final class Pseudo {

    private static final String PLAIN = "abcdeghiklnorstuyACEINORSUY";
    private static final String ACCENTED = "àƀçđéğĥíķłñöŕšţüýÀÇÉÎÑÖŘŠÜÝ";

    private Pseudo() {
    }

    public static String stretch(String pattern) {
        if (pattern.isEmpty()) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() * 3 / 2 + 2);
        int depth = 0;
        int letters = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            int plain = depth == 0 ? PLAIN.indexOf(c) : -1;
            out.append(plain >= 0 ? ACCENTED.charAt(plain) : c);
            if (depth == 0 && Character.isLetter(c)) {
                letters++;
            }
        }
        // About 40 % more, as German and French often need: one filler per 2.5 letters, at the end.
        int extra = Math.max(2, letters * 2 / 5);
        return "[" + out + " " + "·".repeat(extra) + "]";
    }
}
