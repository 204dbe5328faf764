package app.registrar.ui.common;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.model.PasswordPolicy;
import java.util.List;
import java.util.Locale;

/** Says in words which of the server's password rules a password breaks. */
public final class PasswordRules {

    private PasswordRules() {
    }

    /** One sentence per broken rule, joined; empty when the password is fine. */
    public static String explain(PasswordPolicy policy, String password) {
        List<PasswordPolicy.Problem> problems = policy.check(password);
        if (problems.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (PasswordPolicy.Problem problem : problems) {
            String key = "password.problem." + problem.name().toLowerCase(Locale.ROOT).replace('_', '.');
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(problem == PasswordPolicy.Problem.TOO_SHORT ? tr(key, policy.minimumLength()) : tr(key));
        }
        return out.toString();
    }
}
