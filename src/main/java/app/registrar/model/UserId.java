package app.registrar.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Matrix user ID ({@code @localpart:server.name}) and the rules for the localpart of a new account, so the
 * admin learns about a bad name while typing instead of from the server.
 */
public record UserId(String localpart, String serverName) {

    /** Synapse's limit for a whole user ID, in bytes. */
    public static final int MAX_LENGTH = 255;

    /** Why a localpart cannot be used for a new account. */
    public enum Problem {
        EMPTY,
        /** Characters outside a-z 0-9 . _ = - / + (upper case is lowered, not refused). */
        INVALID_CHARACTERS,
        STARTS_WITH_UNDERSCORE,
        ONLY_DIGITS,
        TOO_LONG
    }

    public UserId {
        if (localpart == null || localpart.isEmpty() || serverName == null || serverName.isEmpty()) {
            throw new IllegalArgumentException("a user ID needs a localpart and a server name");
        }
    }

    /** Reads {@code @alice:example.org}; empty when the text is not a user ID. */
    public static Optional<UserId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        int colon = value.indexOf(':');
        if (!value.startsWith("@") || colon < 2 || colon == value.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new UserId(value.substring(1, colon), value.substring(colon + 1)));
    }

    /**
     * Turns what the admin typed into a user ID on {@code serverName}: a bare localpart or a full ID,
     * with the localpart lower-cased as Synapse requires.
     */
    public static UserId fromInput(String typed, String serverName) {
        String value = typed == null ? "" : typed.strip();
        Optional<UserId> full = parse(value);
        if (full.isPresent()) {
            return new UserId(full.get().localpart().toLowerCase(Locale.ROOT), full.get().serverName());
        }
        if (value.startsWith("@")) {
            value = value.substring(1);
        }
        return new UserId(value.isEmpty() ? "?" : value.toLowerCase(Locale.ROOT), serverName);
    }

    /** The problems a localpart has for a new account on {@code serverName}; empty when it can be used. */
    public static List<Problem> checkNewLocalpart(String localpart, String serverName) {
        List<Problem> problems = new ArrayList<>();
        if (localpart == null || localpart.isEmpty()) {
            problems.add(Problem.EMPTY);
            return problems;
        }
        String lower = localpart.toLowerCase(Locale.ROOT);
        if (!lower.chars().allMatch(UserId::isAllowed)) {
            problems.add(Problem.INVALID_CHARACTERS);
        }
        if (lower.startsWith("_")) {
            problems.add(Problem.STARTS_WITH_UNDERSCORE);
        }
        if (lower.chars().allMatch(c -> c >= '0' && c <= '9')) {
            problems.add(Problem.ONLY_DIGITS);
        }
        int bytes = ("@" + lower + ":" + serverName).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_LENGTH) {
            problems.add(Problem.TOO_LONG);
        }
        return problems;
    }

    private static boolean isAllowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '=' || c == '-' || c == '/' || c == '+';
    }

    public boolean isOn(String server) {
        return serverName.equalsIgnoreCase(server);
    }

    @Override
    public String toString() {
        return "@" + localpart + ":" + serverName;
    }
}
