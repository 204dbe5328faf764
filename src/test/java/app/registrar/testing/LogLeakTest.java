package app.registrar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.Homeserver;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after every other test class (see junit-platform.properties): the whole suite ran with debug logging, and
 * no log line may contain an access token, a bearer header or a test password.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(SynapseExtension.class)
class LogLeakTest {

    @Test
    void noLogLineOfTheWholeRunContainsATokenOrAPassword(TestSynapse synapse) {
        // At least one signed-in call of our own, so the check never passes on an empty log.
        new Homeserver(synapse.url()).auth().loginWithPassword(synapse.adminUser(), synapse.adminPassword());

        assertThat(LogCapture.records()).as("debug logging reached the capture").isPositive();
        assertThat(LogCapture.watchedPasswords()).contains(synapse.adminPassword());
        assertThat(LogCapture.findings()).isEmpty();
    }

    @Test
    void theCaptureWouldNoticeATokenOrPassword() {
        long before = LogCapture.findings().size();
        LogCapture.inspect("GET /whoami Authorization: Bearer abcdef");
        LogCapture.inspect("leaked syt_c2VjcmV0_abcdefghijk_0");
        LogCapture.inspect("typed Admin-Pass-2026! by mistake");

        assertThat(LogCapture.findings()).hasSize((int) before + 3);
        LogCapture.forgetLast(3);
    }
}
