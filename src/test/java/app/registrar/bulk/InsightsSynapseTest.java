package app.registrar.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AdminApi;
import app.registrar.api.UserQuery;
import app.registrar.api.UserUpdate;
import app.registrar.testing.SynapseDatabase;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Insights scan against the real Synapse, every number checked against counts made with SQL on Synapse's own
 * database. Accounts are dated back in that database (no API can set when an account was created or last seen), so
 * the months and the 7/30/90-day bands hold more than "today".
 */
@ExtendWith(SynapseExtension.class)
class InsightsSynapseTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    /** Synapse's own notion of "last seen" (its user list joins the same two tables). */
    private static final String LAST_SEEN = "COALESCE((SELECT MAX(d.last_seen) FROM devices d WHERE d.user_id = u.name),"
            + " (SELECT MAX(i.last_seen) FROM user_ips i WHERE i.user_id = u.name))";
    /** What can change the counts while a scan runs: accounts, their states, and accounts seen for the first time. */
    private static final String FINGERPRINT = "SELECT COUNT(*), SUM(deactivated), SUM(locked), SUM(is_guest), SUM(admin),"
            + " SUM(user_type IS 'bot'), SUM(" + LAST_SEEN + " IS NULL) FROM users u";

    private TestSynapse synapse;
    private AdminApi admin;
    private SynapseDatabase db;
    private String prefix;
    private final long now = System.currentTimeMillis();

    @BeforeEach
    void connect(TestSynapse synapse) {
        this.synapse = synapse;
        this.admin = synapse.signedInAdmin().admin();
        this.db = SynapseDatabase.ofTestServer();
        this.prefix = "ins" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** An account created {@code createdDaysAgo} days ago and last seen {@code seenDaysAgo} days ago (or never: -1). */
    private String account(String name, int createdDaysAgo, int seenDaysAgo, UserUpdate extra) {
        String userId = "@" + prefix + "-" + name + ":" + synapse.serverName();
        admin.createUser(userId, extra.password("Insight-Pass-2026!"));
        db.backdate(userId, now - createdDaysAgo * DAY, seenDaysAgo < 0 ? null : now - seenDaysAgo * DAY);
        return userId;
    }

    private void seed() throws Exception {
        account("week", 400, 3, new UserUpdate());
        account("month", 200, 20, new UserUpdate());
        account("quarter", 100, 60, new UserUpdate());
        account("dormant", 500, 200, new UserUpdate());
        account("never", 300, -1, new UserUpdate());
        account("bot", 40, -1, new UserUpdate().userType("bot"));
        account("admin", 10, 1, new UserUpdate().admin(true));
        String locked = account("locked", 70, 50, new UserUpdate());
        admin.setLocked(locked, true);
        String gone = account("gone", 250, 100, new UserUpdate());
        admin.deactivate(gone, false);
        registerGuest();
    }

    private void registerGuest() throws Exception {
        Request request = new Request.Builder().url(synapse.url().resolve("/_matrix/client/v3/register?kind=guest"))
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            assertThat(response.code()).as("guest registration").isEqualTo(200);
        }
    }

    private Insights scanSteadily(AccountInsights insights) throws Exception {
        // A scan counts a moving server: an account seen for the first time meanwhile (Synapse writes connections
        // in batches) would make the SQL differ for a reason that is not Registrar's. Scan until nothing moved.
        for (int attempt = 0; attempt < 5; attempt++) {
            JsonNode before = db.query(FINGERPRINT);
            Insights result = insights.scan(new JobControl(), p -> { });
            if (before.equals(db.query(FINGERPRINT))) {
                return result;
            }
            Thread.sleep(6000);
        }
        throw new AssertionError("the server's accounts kept changing during five scans");
    }

    private long sql(String where, Object... params) {
        return db.count("SELECT COUNT(*) FROM users u WHERE " + where, params);
    }

    @Test
    void everyNumberMatchesWhatSqlCountsInSynapsesDatabase() throws Exception {
        seed();
        // Small pages, so the scan goes through many requests as on a big server.
        AccountInsights scanner = new AccountInsights(new AccountStream(admin, 2, 7), Clock.systemUTC(), ZoneOffset.UTC);

        Insights found = scanSteadily(scanner);

        long asOf = found.asOf().toEpochMilli();
        assertThat(found.cancelled()).isFalse();
        assertThat(found.scanned()).isEqualTo(sql("1"));
        assertThat(found.kinds()).isEqualTo(new Insights.Kinds(sql("deactivated = 1"), sql("locked = 1"),
                sql("is_guest = 1"), sql("user_type = 'bot'"), sql("admin = 1")));
        Insights.Activity activity = found.activity();
        assertThat(activity.accounts()).isEqualTo(sql("deactivated = 0"));
        assertThat(activity.seenWithin7()).isEqualTo(sql("deactivated = 0 AND " + LAST_SEEN + " >= ?", asOf - 7 * DAY));
        assertThat(activity.seenWithin30()).isEqualTo(sql("deactivated = 0 AND " + LAST_SEEN + " >= ?", asOf - 30 * DAY));
        assertThat(activity.seenWithin90()).isEqualTo(sql("deactivated = 0 AND " + LAST_SEEN + " >= ?", asOf - 90 * DAY));
        assertThat(activity.neverSeen()).isEqualTo(sql("deactivated = 0 AND " + LAST_SEEN + " IS NULL"));
        for (int days : List.of(1, 45, 150, 365)) {
            assertThat(activity.inactiveLongerThan(days)).as("inactive for more than %d days", days).isEqualTo(
                    sql("deactivated = 0 AND (COALESCE(" + LAST_SEEN + ", u.creation_ts * 1000) IS NULL"
                            + " OR COALESCE(" + LAST_SEEN + ", u.creation_ts * 1000) < ?)", asOf - days * DAY));
        }
        Map<YearMonth, Long> months = new TreeMap<>();
        for (JsonNode row : db.query("SELECT strftime('%Y-%m', creation_ts, 'unixepoch'), COUNT(*) FROM users"
                + " WHERE creation_ts IS NOT NULL GROUP BY 1")) {
            months.put(YearMonth.parse(row.get(0).asText()), row.get(1).asLong());
        }
        assertThat(found.createdPerMonth()).isEqualTo(months);
        // The seeded accounts spread over months and bands, so the comparisons above are not of zeros only.
        assertThat(found.createdPerMonth()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(activity.seenWithin30() - activity.seenWithin7()).isPositive();
        assertThat(activity.seenWithin90() - activity.seenWithin30()).isPositive();
        assertThat(activity.inactiveLongerThan(150)).isPositive();
    }

    @Test
    void theInactiveListOneClickAwayHoldsAsManyAccountsAsTheInsightsCount() throws Exception {
        seed();
        Insights found = scanSteadily(new AccountInsights(new AccountStream(admin),
                Clock.systemUTC(), ZoneOffset.UTC));

        InactiveAccounts.Result list = new InactiveAccounts(new AccountStream(admin),
                Clock.fixed(found.asOf(), ZoneOffset.UTC)).find(
                AccountInsights.EVERY_ACCOUNT.withState(UserQuery.AccountState.ACTIVE), 150, new JobControl(), p -> { });

        assertThat(list.userIds()).hasSize((int) found.activity().inactiveLongerThan(150));
        List<String> ours = list.userIds().stream().filter(id -> id.contains(prefix)).toList();
        assertThat(ours).containsExactlyInAnyOrder("@" + prefix + "-dormant:" + synapse.serverName(),
                "@" + prefix + "-never:" + synapse.serverName());
    }
}
