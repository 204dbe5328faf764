package app.registrar.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The homeserver's password rules ({@code /_matrix/client/v3/password_policy}). The admin API does not apply
 * them, so Registrar checks new passwords against them itself. Synapse also refuses passwords over 512 characters.
 */
public record PasswordPolicy(boolean enabled, int minimumLength, boolean requireDigit, boolean requireSymbol,
                             boolean requireLowercase, boolean requireUppercase) {

    public static final int MAX_LENGTH = 512;

    /** A rule a password breaks. */
    public enum Problem { EMPTY, TOO_SHORT, TOO_LONG, NEEDS_DIGIT, NEEDS_SYMBOL, NEEDS_LOWERCASE, NEEDS_UPPERCASE, CONTROL_CHARACTERS }

    /** No rules beyond the server's hard limits. */
    public static PasswordPolicy none() {
        return new PasswordPolicy(false, 0, false, false, false, false);
    }

    public List<Problem> check(CharSequence password) {
        List<Problem> problems = new ArrayList<>();
        if (password == null || password.length() == 0) {
            problems.add(Problem.EMPTY);
            return problems;
        }
        int length = password.codePoints().toArray().length;
        if (password.length() > MAX_LENGTH) {
            problems.add(Problem.TOO_LONG);
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            problems.add(Problem.CONTROL_CHARACTERS);
        }
        if (!enabled) {
            return problems;
        }
        if (length < minimumLength) {
            problems.add(Problem.TOO_SHORT);
        }
        if (requireDigit && password.chars().noneMatch(Character::isDigit)) {
            problems.add(Problem.NEEDS_DIGIT);
        }
        if (requireSymbol && password.chars().allMatch(Character::isLetterOrDigit)) {
            problems.add(Problem.NEEDS_SYMBOL);
        }
        if (requireLowercase && password.chars().noneMatch(Character::isLowerCase)) {
            problems.add(Problem.NEEDS_LOWERCASE);
        }
        if (requireUppercase && password.chars().noneMatch(Character::isUpperCase)) {
            problems.add(Problem.NEEDS_UPPERCASE);
        }
        return problems;
    }
}
