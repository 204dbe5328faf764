package app.registrar.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.UserDetails;
import app.registrar.api.WriteObserver;
import app.registrar.audit.AuditTrail;
import app.registrar.service.AuditService;
import app.registrar.service.CurrentThreadTaskExecutor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account panel's recent changes follow new audit entries only while their window lives: the trail outlives a
 * main window (a new one after each sign-in and language change), so a closed one must stop listening.
 */
@Tag("fast")
class RecentChangesListenerTest {

    private static final String SERVER = "https://matrix.example.org/";
    private static final String BOB = "@bob:example.org";

    @TempDir
    Path folder;

    private static void lockBob(WriteObserver recorder) throws Exception {
        WriteObserver.Pending pending = recorder.beforeSend("PUT", List.of("_synapse", "admin", "v2", "users", BOB),
                new ObjectMapper().readTree("{\"locked\":true}"), null);
        pending.done();
    }

    @Test
    void aClosedPanelNoLongerFollowsNewEntriesWhileAnOpenOneDoes() throws Exception {
        AuditTrail trail = AuditTrail.in(folder);
        AuditService service = new AuditService(new CurrentThreadTaskExecutor(), trail, () -> Optional.of(SERVER));
        WriteObserver recorder = trail.recorderFor(SERVER, "@admin:example.org");
        RecentChangesViewModel old = new RecentChangesViewModel(service, new SimpleObjectProperty<UserDetails>());
        RecentChangesViewModel current = new RecentChangesViewModel(service, new SimpleObjectProperty<UserDetails>());
        old.show(BOB);
        current.show(BOB);
        lockBob(recorder);
        int seenByBothBeforeClosing = old.getEntries().size();

        old.close();
        lockBob(recorder);

        assertThat(seenByBothBeforeClosing).isEqualTo(1);
        assertThat(old.getEntries()).hasSize(1);
        assertThat(current.getEntries()).hasSize(2);
    }
}
