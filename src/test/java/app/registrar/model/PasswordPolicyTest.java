package app.registrar.model;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.model.PasswordPolicy.Problem;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class PasswordPolicyTest {

    private final PasswordPolicy strict = new PasswordPolicy(true, 10, true, true, true, true);

    @Test
    void eachRuleIsReportedSeparately() {
        assertThat(strict.check("")).containsExactly(Problem.EMPTY);
        assertThat(strict.check("Short-1")).containsExactly(Problem.TOO_SHORT);
        assertThat(strict.check("no-digits-Here")).containsExactly(Problem.NEEDS_DIGIT);
        assertThat(strict.check("NoSymbols123")).containsExactly(Problem.NEEDS_SYMBOL);
        assertThat(strict.check("UPPER-ONLY-123")).containsExactly(Problem.NEEDS_LOWERCASE);
        assertThat(strict.check("lower-only-123")).containsExactly(Problem.NEEDS_UPPERCASE);
        assertThat(strict.check("Good-Password-1")).isEmpty();
    }

    @Test
    void serverLimitsHoldEvenWithoutAPolicy() {
        assertThat(PasswordPolicy.none().check("x".repeat(513))).containsExactly(Problem.TOO_LONG);
        assertThat(PasswordPolicy.none().check("tab\there")).containsExactly(Problem.CONTROL_CHARACTERS);
        assertThat(PasswordPolicy.none().check("short")).isEmpty();
    }

    @RepeatedTest(20)
    void generatedPasswordsPassTheStrictPolicy() {
        String password = new PasswordGenerator().generate();

        assertThat(password).hasSize(20);
        assertThat(strict.check(password)).isEmpty();
    }
}
