package app.registrar.model;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.model.UserId.Problem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class UserIdTest {

    @Test
    void parsesAFullUserId() {
        assertThat(UserId.parse("@alice:example.org")).contains(new UserId("alice", "example.org"));
        assertThat(UserId.parse("@alice:example.org:8448").map(UserId::serverName)).contains("example.org:8448");
        assertThat(UserId.parse("alice")).isEmpty();
        assertThat(UserId.parse("@:example.org")).isEmpty();
        assertThat(UserId.parse("@alice:")).isEmpty();
    }

    @Test
    void typedLocalpartIsLowerCasedAndPlacedOnTheServer() {
        assertThat(UserId.fromInput(" Alice ", "example.org").toString()).isEqualTo("@alice:example.org");
        assertThat(UserId.fromInput("@Bob:example.org", "other.org").toString()).isEqualTo("@bob:example.org");
    }

    @Test
    void newLocalpartRulesFollowSynapse() {
        assertThat(UserId.checkNewLocalpart("alice.smith_1=+-/", "example.org")).isEmpty();
        assertThat(UserId.checkNewLocalpart("", "example.org")).containsExactly(Problem.EMPTY);
        assertThat(UserId.checkNewLocalpart("al ice", "example.org")).containsExactly(Problem.INVALID_CHARACTERS);
        assertThat(UserId.checkNewLocalpart("zoë", "example.org")).containsExactly(Problem.INVALID_CHARACTERS);
        assertThat(UserId.checkNewLocalpart("a#b", "example.org")).containsExactly(Problem.INVALID_CHARACTERS);
        assertThat(UserId.checkNewLocalpart("a:b", "example.org")).containsExactly(Problem.INVALID_CHARACTERS);
        assertThat(UserId.checkNewLocalpart("_bridge", "example.org")).containsExactly(Problem.STARTS_WITH_UNDERSCORE);
        assertThat(UserId.checkNewLocalpart("12345", "example.org")).containsExactly(Problem.ONLY_DIGITS);
        assertThat(UserId.checkNewLocalpart("a".repeat(250), "example.org")).containsExactly(Problem.TOO_LONG);
        assertThat(UserId.checkNewLocalpart("UPPER", "example.org")).as("upper case is lowered, not refused").isEmpty();
    }
}
