package app.registrar.testing;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-test runner: each check runs on many generated inputs from a seeded {@link Random}, and a
 * failure names the seed and the input so it can be replayed with {@code -Dregistrar.seed=<seed>}.
 */
public final class Generated {

    public static final int TRIES = 500;
    private static final long SEED = Long.getLong("registrar.seed", 20261127L);

    private Generated() {
    }

    /** Runs {@code check} on {@link #TRIES} inputs made by {@code generator}. */
    public static <T> void forAll(Function<Random, T> generator, Consumer<T> check) {
        Random random = new Random(SEED);
        for (int i = 0; i < TRIES; i++) {
            T input = generator.apply(random);
            try {
                check.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("failed for input " + describe(input) + " (try " + i + ", seed " + SEED + ")", e);
            }
        }
    }

    private static String describe(Object input) {
        if (input instanceof String text) {
            StringBuilder out = new StringBuilder("\"");
            text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
            return out.append('"').toString();
        }
        return String.valueOf(input);
    }

    /** Any Java string, lone surrogates and control characters included. */
    public static String anyString(Random random) {
        int length = random.nextInt(61);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) switch (random.nextInt(5)) {
                case 0 -> random.nextInt(0x20);
                case 1, 2 -> 0x20 + random.nextInt(0x5f);
                case 3 -> 0xa0 + random.nextInt(0x2000);
                default -> random.nextInt(0x10000);
            });
        }
        return out.toString();
    }

    /** Well-formed text (code points, never a lone surrogate), as a keyboard or a server produces. */
    public static String wellFormed(Random random) {
        int length = random.nextInt(61);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int codePoint = switch (random.nextInt(6)) {
                case 0 -> random.nextInt(0x20);
                case 1, 2 -> 0x20 + random.nextInt(0x5f);
                case 3 -> 0xa0 + random.nextInt(0x2000);
                case 4 -> 0x10000 + random.nextInt(0x20000);
                default -> 0x2000 + random.nextInt(0xb800 - 0x2000);
            };
            out.appendCodePoint(codePoint);
        }
        return out.toString();
    }

    /** A string of {@code min}..{@code max} characters drawn from {@code alphabet}. */
    public static String from(Random random, String alphabet, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    public static <T> T oneOf(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
