package app.registrar.model;

import java.security.SecureRandom;

/**
 * Makes strong passwords that any server policy accepts: 20 characters from letters of both cases, digits and
 * symbols, with at least one of each, avoiding look-alikes (0/O, 1/l/I) so they can be read aloud.
 */
public final class PasswordGenerator {

    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "-_.!@#%+=?";
    private static final String ALL = LOWER + UPPER + DIGITS + SYMBOLS;

    private final SecureRandom random;

    public PasswordGenerator() {
        this(new SecureRandom());
    }

    PasswordGenerator(SecureRandom random) {
        this.random = random;
    }

    public String generate(int length) {
        if (length < 8) {
            throw new IllegalArgumentException("length must be at least 8");
        }
        char[] out = new char[length];
        out[0] = pick(LOWER);
        out[1] = pick(UPPER);
        out[2] = pick(DIGITS);
        out[3] = pick(SYMBOLS);
        for (int i = 4; i < length; i++) {
            out[i] = pick(ALL);
        }
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char swap = out[i];
            out[i] = out[j];
            out[j] = swap;
        }
        return new String(out);
    }

    public String generate() {
        return generate(20);
    }

    private char pick(String from) {
        return from.charAt(random.nextInt(from.length()));
    }
}
