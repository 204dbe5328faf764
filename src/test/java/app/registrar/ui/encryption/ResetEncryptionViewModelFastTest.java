package app.registrar.ui.encryption;

import static app.registrar.testing.FakeHomeserver.json;
import static app.registrar.ui.common.I18n.tr;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.service.SecurityService;
import app.registrar.testing.SignedInFake;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Let them reset their encryption" against a fake homeserver, each step run by hand: the permission's end comes
 * from the server's answer and counts down, a plain Synapse is sent nothing, and a person without an identity to
 * replace is told in plain words. Against a real Synapse: {@link ResetEncryptionViewModelTest}.
 */
@Tag("fast")
class ResetEncryptionViewModelFastTest {

    private static final String ALICE = "@alice:example.test";
    private static final String ALLOW = "/_synapse/admin/v1/users/%40alice%3Aexample.test/_allow_cross_signing_replacement_without_uia";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @RegisterExtension
    final SignedInFake fake = new SignedInFake();
    private final AtomicReference<Instant> clock = new AtomicReference<>(NOW);
    private SecurityService service;

    @BeforeEach
    void signIn() {
        service = new SecurityService(fake.executor, fake.session().connection);
    }

    private ResetEncryptionViewModel model(boolean mas) {
        return new ResetEncryptionViewModel(service, fake.dialogs, ALICE, mas, clock::get, ZoneOffset.UTC);
    }

    @Test
    void thePermissionLastsUntilTheServerSaysAndCountsDownToExpired() {
        fake.homeserver.answer(ALLOW, json(200, "{\"updatable_without_uia_before_ms\":" + NOW.plusSeconds(600).toEpochMilli() + "}"));
        ResetEncryptionViewModel model = model(true);

        model.allow();
        boolean busyWhileQueued = model.busyProperty().get();
        fake.executor.runAll();
        String atFirst = model.countdownProperty().get();
        clock.set(NOW.plusSeconds(601));
        model.tick();

        assertThat(busyWhileQueued).isTrue();
        assertThat(model.allowedUntilProperty().get()).isEqualTo(NOW.plusSeconds(600));
        assertThat(atFirst).isEqualTo(tr("reset.encryption.left", 10L, "00"));
        assertThat(model.expiredProperty().get()).isTrue();
        assertThat(model.countdownProperty().get()).isEqualTo(tr("reset.encryption.expired"));
        assertThat(model.message()).contains(tr("reset.encryption.message.until", model.untilTextProperty().get()).strip());
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void onAPlainSynapseNothingIsSentBecauseTheServerWouldIgnoreIt() {
        ResetEncryptionViewModel model = model(false);

        model.allow();

        assertThat(model.canAllow()).isFalse();
        assertThat(fake.executor.pendingCount()).isZero();
        assertThat(model.allowsText()).isEqualTo(tr("reset.encryption.allows.plain", ALICE));
    }

    @Test
    void aPersonWithoutAnIdentityToReplaceIsToldInPlainWords() {
        fake.homeserver.answer(ALLOW, json(404, "{\"errcode\":\"M_NOT_FOUND\",\"error\":\"No master key found\"}"));
        ResetEncryptionViewModel model = model(true);

        model.allow();
        fake.executor.runAll();

        assertThat(model.errorProperty().get().message()).isEqualTo(tr("reset.encryption.none", ALICE));
        assertThat(model.errorProperty().get().details()).contains("M_NOT_FOUND");
        assertThat(model.allowedUntilProperty().get()).isNull();
    }

    @Test
    void copyPutsTheMessageOnTheClipboardOnlyWhenAsked() {
        ResetEncryptionViewModel model = model(true);
        assertThat(fake.dialogs.clipboard).isEmpty();

        model.copyMessage();

        assertThat(fake.dialogs.clipboard).containsExactly(model.message());
        assertThat(fake.dialogs.notifications).containsExactly(tr("reset.encryption.copied"));
    }
}
