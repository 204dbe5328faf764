package app.registrar.api;

import java.time.Instant;
import java.util.List;

/** Account records for tests that play the server with MockWebServer. */
public final class UserDetailsFixture {

    private UserDetailsFixture() {
    }

    public static UserDetails alice() {
        return new UserDetails("@alice:example.org", "Alice", null, List.of(), List.of(), false, false, false, false,
                false, false, false, null, Instant.parse("2026-01-01T00:00:00Z"), null, null, null);
    }

    /** An active account with these emails and single-sign-on identities. */
    public static UserDetails with(List<Threepid> threepids, List<ExternalId> externalIds) {
        return new UserDetails("@alice:example.org", "Alice", null, threepids, externalIds, false, false, false, false,
                false, false, false, null, Instant.parse("2026-01-01T00:00:00Z"), null, null, null);
    }
}
