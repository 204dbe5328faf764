package app.registrar.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.UserSummary;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Insights arithmetic without a server: bands, months, the inactive rule and the PNG encoder. */
@Tag("fast")
class InsightsTallyTest {

    private static final Instant AS_OF = Instant.parse("2026-12-01T12:00:00Z");

    private static UserSummary user(String name, Instant created, Instant seen) {
        return new UserSummary("@" + name + ":example.test", null, null, false, false, null, false, false, false,
                false, created, seen);
    }

    private static Instant daysAgo(double days) {
        return AS_OF.minusMillis((long) (days * Duration.ofDays(1).toMillis()));
    }

    @Test
    void theSevenThirtyAndNinetyDayBandsIncludeTheirLastMillisecondAndNotTheOneBefore() {
        InsightsTally tally = new InsightsTally(AS_OF, ZoneOffset.UTC);
        tally.add(user("edge7", daysAgo(400), daysAgo(7)));
        tally.add(user("past7", daysAgo(400), daysAgo(7).minusMillis(1)));
        tally.add(user("edge90", daysAgo(400), daysAgo(90)));
        tally.add(user("past90", daysAgo(400), daysAgo(90).minusMillis(1)));
        tally.add(user("never", daysAgo(3), null));

        Insights.Activity activity = tally.result(5, false, false).activity();

        assertThat(activity.seenWithin7()).isEqualTo(1);
        assertThat(activity.seenWithin30()).isEqualTo(2);
        assertThat(activity.seenWithin90()).isEqualTo(3);
        assertThat(activity.neverSeen()).isEqualTo(1);
    }

    @Test
    void theInactiveCountForAnyNumberOfDaysFollowsTheInactiveListsOwnRule() {
        Random random = new Random(14);
        InsightsTally tally = new InsightsTally(AS_OF, ZoneOffset.UTC);
        List<UserSummary> users = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Instant created = random.nextInt(10) == 0 ? null : daysAgo(random.nextDouble() * 900);
            Instant seen = random.nextInt(3) == 0 ? null : daysAgo(random.nextDouble() * 600 - 2);
            users.add(user("u" + i, created, seen));
        }
        // Whole-day edges too: exactly N days is not "more than N days".
        users.add(user("exactly30", daysAgo(30), null));
        users.add(user("justOver30", daysAgo(30).minusMillis(1), null));
        users.forEach(tally::add);

        Insights.Activity activity = tally.result(users.size(), false, false).activity();

        for (int days = 1; days <= 1000; days += 7) {
            Instant cutoff = AS_OF.minus(Duration.ofDays(days));
            long expected = users.stream().filter(u -> InactiveAccounts.isInactive(u, cutoff)).count();
            assertThat(activity.inactiveLongerThan(days)).as("%d days", days).isEqualTo(expected);
        }
        Instant cutoff30 = AS_OF.minus(Duration.ofDays(30));
        assertThat(activity.inactiveLongerThan(30))
                .isEqualTo(users.stream().filter(u -> InactiveAccounts.isInactive(u, cutoff30)).count());
    }

    @Test
    void monthsAreCountedInTheChosenTimeZoneAndDeactivatedAccountsOnlyAsSuch() {
        InsightsTally tally = new InsightsTally(AS_OF, ZoneId.of("Europe/Berlin"));
        // 23:30 UTC on 31 October is already November in Berlin.
        tally.add(user("late", Instant.parse("2026-10-31T23:30:00Z"), null));
        tally.add(new UserSummary("@gone:example.test", null, null, true, true, "bot", true, false, false, true,
                Instant.parse("2026-10-15T10:00:00Z"), daysAgo(1)));

        Insights insights = tally.result(2, false, false);

        assertThat(insights.createdPerMonth()).containsExactly(
                Map.entry(YearMonth.of(2026, 10), 1L), Map.entry(YearMonth.of(2026, 11), 1L));
        assertThat(insights.kinds()).isEqualTo(new Insights.Kinds(1, 1, 1, 1, 1));
        assertThat(insights.activity().accounts()).isEqualTo(1);
        assertThat(insights.activity().seenWithin7()).isZero();
    }

    @Test
    void aPictureIsWrittenAsAPngThatImageReadersOpenWithTheSamePixels() throws Exception {
        int[] argb = new int[3 * 2];
        argb[0] = 0xFFFF0000;
        argb[1] = 0xFF00FF00;
        argb[2] = 0xFF0000FF;
        argb[3] = 0x80FFFFFF;
        argb[4] = 0xFF123456;
        argb[5] = 0x00000000;

        byte[] png = PngFile.encode(new PngFile.Picture(3, 2, argb));
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(read.getWidth()).isEqualTo(3);
        assertThat(read.getHeight()).isEqualTo(2);
        for (int i = 0; i < argb.length; i++) {
            assertThat(read.getRGB(i % 3, i / 3)).as("pixel %d", i).isEqualTo(argb[i]);
        }
    }
}
