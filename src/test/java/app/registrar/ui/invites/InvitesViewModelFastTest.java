package app.registrar.ui.invites;

import static app.registrar.testing.FakeHomeserver.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.RegistrationToken;
import app.registrar.service.SecurityService;
import app.registrar.testing.FakeSession;
import app.registrar.testing.SignedInFake;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The invitations screen's view model against a fake homeserver, each step run by hand: the list read, a token
 * created from the form, one revoked after asking, and a refusal said in plain words. Against a real Synapse:
 * {@link InvitesViewModelTest}.
 */
@Tag("fast")
class InvitesViewModelFastTest {

    private static final String TOKENS = "/_synapse/admin/v1/registration_tokens";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @RegisterExtension
    final SignedInFake fake = new SignedInFake();
    private InvitesViewModel model;

    @BeforeEach
    void signIn() {
        FakeSession session = fake.session();
        model = new InvitesViewModel(new SecurityService(fake.executor, session.connection), fake.dialogs,
                "https://matrix.example.test", "example.test", () -> NOW, ZoneOffset.UTC);
    }


    @Test
    void theListIsReadInTokenOrderAndBusyOnlyWhileItIsRead() {
        fake.homeserver.answer(TOKENS, json(200, "{\"registration_tokens\":["
                + "{\"token\":\"zeta\",\"uses_allowed\":null,\"pending\":0,\"completed\":3,\"expiry_time\":null},"
                + "{\"token\":\"alpha\",\"uses_allowed\":2,\"pending\":0,\"completed\":2,\"expiry_time\":null}]}"));

        model.load();
        boolean busyWhileQueued = model.busyProperty().get();
        fake.executor.runAll();

        assertThat(busyWhileQueued).isTrue();
        assertThat(model.getTokens()).extracting(RegistrationToken::token).containsExactly("alpha", "zeta");
        assertThat(model.isUsable(model.getTokens().get(0))).as("all uses taken").isFalse();
        assertThat(model.isUsable(model.getTokens().get(1))).isTrue();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aTokenCreatedFromTheFormIsSentWithItsUsesAndExpiryAndSelected() {
        fake.homeserver.answer("POST " + TOKENS + "/new", json(200,
                "{\"token\":\"chosen-one\",\"uses_allowed\":5,\"pending\":0,\"completed\":0,\"expiry_time\":1798761600000}"));
        model.usesProperty().set("5");
        model.expiresOnProperty().set(LocalDate.of(2026, 12, 31));
        model.chooseTokenProperty().set(true);
        model.chosenTokenProperty().set("chosen-one");

        model.save();
        fake.executor.runAll();

        String body = fake.sent("POST").get(0).getBody().utf8();
        assertThat(body).contains("\"token\":\"chosen-one\"", "\"uses_allowed\":5",
                "\"expiry_time\":" + LocalDate.of(2027, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        assertThat(model.selectedProperty().get().token()).isEqualTo("chosen-one");
        assertThat(fake.dialogs.notifications).hasSize(1);
        assertThat(model.chosenTokenProperty().get()).as("the form is cleared").isEmpty();
    }

    @Test
    void aFormWithWrongUsesOrAPastExpiryCannotBeSavedAndSaysWhy() {
        model.usesProperty().set("many");
        String usesProblem = model.problemProperty().get();
        boolean savableWithWrongUses = model.canSaveProperty().get();
        model.usesProperty().set("");
        model.expiresOnProperty().set(LocalDate.of(2026, 11, 30));

        model.save();

        assertThat(usesProblem).isNotEmpty();
        assertThat(savableWithWrongUses).isFalse();
        assertThat(model.problemProperty().get()).isNotEmpty();
        assertThat(fake.executor.pendingCount()).as("nothing is sent").isZero();
    }

    @Test
    void revokingAsksFirstAndDeletesOnlyAfterYes() {
        fake.homeserver.answer(TOKENS, json(200, "{\"registration_tokens\":["
                + "{\"token\":\"old\",\"uses_allowed\":1,\"pending\":0,\"completed\":0,\"expiry_time\":null}]}"));
        fake.homeserver.answer("DELETE " + TOKENS + "/old", json(200, "{}"));
        model.load();
        fake.executor.runAll();
        model.selectedProperty().set(model.getTokens().get(0));

        fake.dialogs.answer(false);
        model.revoke();
        int sentAfterNo = fake.sent("DELETE").size();
        fake.dialogs.answer(true);
        model.revoke();
        fake.executor.runAll();

        assertThat(sentAfterNo).isZero();
        assertThat(fake.dialogs.confirmations).hasSize(2);
        assertThat(fake.dialogs.confirmations.get(0).destructive()).isTrue();
        assertThat(fake.sent("DELETE")).hasSize(1);
        assertThat(model.getTokens()).isEmpty();
    }

    @Test
    void aRefusedListIsSaidInPlainWordsWithTheErrcodeOnlyInTheDetails() {
        fake.homeserver.answer(TOKENS, json(403, "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"You are not a server admin\"}"));

        model.load();
        fake.executor.runAll();

        assertThat(model.errorProperty().get().message()).doesNotContain("M_FORBIDDEN");
        assertThat(model.errorProperty().get().details()).contains("M_FORBIDDEN");
        assertThat(model.getTokens()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }
}
