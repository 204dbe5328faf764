package app.registrar.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.audit.AuditEntry;
import app.registrar.audit.AuditLog;
import app.registrar.audit.AuditTrail;
import app.registrar.service.AuditService;
import app.registrar.service.CurrentThreadTaskExecutor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit screen's filters, search and export over a log on disk, without a server. */
@Tag("fast")
class AuditViewModelTest {

    @TempDir
    Path folder;
    private AuditLog log;
    private AuditViewModel model;

    @BeforeEach
    void fillLog() {
        AuditTrail trail = AuditTrail.in(folder);
        log = trail.logFor("https://matrix.example.org/").orElseThrow();
        log.complete(log.begin("1", "@ann:example.org", "lock", "@bob:example.org", ""), AuditEntry.Outcome.DONE, null);
        log.complete(log.begin("2", "@cid:example.org", "erase", "@dan:example.org", ""), AuditEntry.Outcome.FAILED, "FORBIDDEN 403 M_FORBIDDEN");
        log.begin("3", "@ann:example.org", "edit", "@dan:example.org", "fields: displayname");
        model = new AuditViewModel(new AuditService(new CurrentThreadTaskExecutor(), trail, () -> Optional.of("https://matrix.example.org/")), ZoneOffset.UTC);
        model.open();
    }

    @Test
    void entriesShowNewestFirstWithTheChoicesTheLogHolds() {
        assertThat(model.getShown()).extracting(AuditEntry::id).containsExactly("3", "2", "1");
        assertThat(model.getActions()).containsExactly("", "edit", "erase", "lock");
        assertThat(model.getAdmins()).containsExactly("", "@ann:example.org", "@cid:example.org");
        assertThat(model.statusProperty().get()).isEqualTo("3 of 3 entries");
    }

    @Test
    void accountActionAdminAndSearchFiltersCombine() {
        model.accountProperty().set("DAN");
        assertThat(model.getShown()).extracting(AuditEntry::id).containsExactly("3", "2");
        model.adminProperty().set("@ann:example.org");
        assertThat(model.getShown()).extracting(AuditEntry::id).containsExactly("3");
        model.adminProperty().set("");
        model.actionProperty().set("erase");
        assertThat(model.getShown()).extracting(AuditEntry::id).containsExactly("2");
        model.actionProperty().set("");
        model.accountProperty().set("");
        model.searchProperty().set("m_forbidden");
        assertThat(model.getShown()).extracting(AuditEntry::id).containsExactly("2");
        model.searchProperty().set("no answer");
        assertThat(model.getShown()).extracting(AuditEntry::id).containsExactly("3");
    }

    @Test
    void aDateRangeKeepsOnlyTheDaysInIt() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        model.fromProperty().set(today.plusDays(1));
        assertThat(model.getShown()).isEmpty();
        model.fromProperty().set(today);
        model.toProperty().set(today);
        assertThat(model.getShown()).hasSize(3);
        model.toProperty().set(today.minusDays(1));
        assertThat(model.getShown()).isEmpty();
    }

    @Test
    void exportWritesTheShownEntriesWithFormulaSafeCells() throws Exception {
        model.accountProperty().set("bob");
        Path csv = folder.resolve("audit.csv");

        model.export(csv);

        var lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("\"sent\",\"finished\",\"admin\",\"action\",\"target\"");
        assertThat(lines.get(1)).contains("\"'@ann:example.org\",\"lock\",\"'@bob:example.org\"").contains("\"DONE\"");
        assertThat(model.statusProperty().get()).isEqualTo("Wrote 1 entry to audit.csv.");
    }

    @Test
    void theMirrorSwitchIsOffByDefaultAndIsKeptPerServer() {
        assertThat(model.mirrorProperty().get()).isFalse();

        model.mirrorProperty().set(true);

        assertThat(AuditTrail.in(folder).isMirrorEnabled("https://matrix.example.org/")).isTrue();
        assertThat(AuditTrail.in(folder).isMirrorEnabled("https://other.example.org/")).isFalse();
        assertThat(model.mirrorStatusProperty().get()).isEqualTo("The room is up to date (nothing new to send).");
        model.mirrorProperty().set(false);
        assertThat(AuditTrail.in(folder).isMirrorEnabled("https://matrix.example.org/")).isFalse();
    }

    @Test
    void aChangeRecordedWhileOpenShowsWithoutReloading() {
        AuditTrail trail = AuditTrail.in(folder.resolve("live"));
        AuditLog live = trail.logFor("https://matrix.example.org/").orElseThrow();
        AuditViewModel open = new AuditViewModel(new AuditService(new CurrentThreadTaskExecutor(), trail, () -> Optional.of("https://matrix.example.org/")));
        open.open();
        var recorder = trail.recorderFor("https://matrix.example.org/", "@ann:example.org");

        recorder.beforeSend("PUT", List.of("_synapse", "admin", "v2", "users", "@eve:example.org"),
                new ObjectMapper().createObjectNode().put("locked", true), null).done();

        assertThat(open.getShown()).extracting(AuditEntry::target).containsExactly("@eve:example.org");
        open.close();
    }
}
