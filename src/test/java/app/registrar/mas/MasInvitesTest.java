package app.registrar.mas;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.RegistrationToken;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.service.SecurityService;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FxWorkers;
import app.registrar.testing.MasBrowser;
import app.registrar.testing.MasExtension;
import app.registrar.testing.MasProbe;
import app.registrar.testing.MasSignedIn;
import app.registrar.testing.TestMas;
import app.registrar.ui.invites.InvitesViewModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The invitations screen on a server whose accounts MAS owns: tokens are MAS's registration tokens, and the invite
 * sends people to MAS's own sign-up page. Every outcome is read back from MAS's admin API with plain HTTP
 * ({@link MasProbe}); the invited person's sign-up is played on MAS's real pages ({@link MasBrowser}).
 */
@ExtendWith(MasExtension.class)
class MasInvitesTest {

    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static TestMas mas;
    private static MasProbe probe;
    private static ConnectionService connection;

    @BeforeAll
    static void signIn(TestMas stack) {
        mas = stack;
        probe = new MasProbe(stack);
        connection = MasSignedIn.asAdmin(stack);
    }

    /** MAS's own record of a token, found by its text among all tokens (revoked ones too). */
    private static Optional<JsonNode> inMas(String token) {
        JsonNode all = probe.mas("GET", "user-registration-tokens?page[first]=1000", null).body().path("data");
        return StreamSupport.stream(all.spliterator(), false)
                .map(node -> node.path("attributes"))
                .filter(a -> token.equals(a.path("token").asText()))
                .findFirst();
    }

    @Test
    void anInviteMadeOnTheScreenLetsAPersonSignUpOnMasAndIsCountedThenRevoked() {
        FakeDialogService dialogs = new FakeDialogService();
        SecurityService onWorkers = new SecurityService(FxWorkers.executor(), connection);
        InvitesViewModel model = FxWorkers.onFx(() -> new InvitesViewModel(onWorkers, dialogs, mas.synapseUrl().toString(),
                mas.serverName(), Instant::now, ZONE));
        FxWorkers.onFx(model::load);
        FxWorkers.awaitFx("the tokens are read", () -> !model.busyProperty().get());
        assertThat(FxWorkers.onFx(() -> model.errorProperty().get())).as("MAS's tokens are read, not Synapse's 404").isNull();
        assertThat(FxWorkers.onFx(() -> model.signUpOffProperty().get())).as("MAS lets people sign up with a token").isFalse();

        String chosen = "mas-invite-" + UUID.randomUUID().toString().substring(0, 8);
        FxWorkers.onFx(() -> {
            model.chooseTokenProperty().set(true);
            model.chosenTokenProperty().set(chosen);
            model.usesProperty().set("2");
            model.save();
        });
        FxWorkers.awaitFx("the invite is made", () -> model.selectedProperty().get() != null && !model.busyProperty().get());
        assertThat(inMas(chosen)).hasValueSatisfying(t -> {
            assertThat(t.path("usage_limit").asInt()).isEqualTo(2);
            assertThat(t.path("valid").asBoolean()).isTrue();
        });

        FxWorkers.onFx(model::copyInvite);
        assertThat(dialogs.clipboard).singleElement().satisfies(text -> {
            assertThat(text).contains(mas.masUrl().resolve("register").toString()).contains(chosen)
                    .contains(mas.synapseUrl().toString());
        });

        // The invited person follows the invite: MAS's sign-up page, then the token.
        String person = TestMas.newLocalpart("invited");
        String trail = new MasBrowser().signUp(mas.masUrl().resolve("register").toString(), person, "Inv-" + UUID.randomUUID(), chosen);
        assertThat(probe.masUser(person)).as("MAS made the account; pages went:\n%s", trail).isPresent();
        assertThat(inMas(chosen).orElseThrow().path("times_used").asInt()).isEqualTo(1);

        FxWorkers.onFx(model::load);
        FxWorkers.awaitFx("the tokens are read again", () -> !model.busyProperty().get() && !model.getTokens().isEmpty());
        RegistrationToken shown = FxWorkers.onFx(() -> model.getTokens().stream().filter(t -> t.token().equals(chosen)).findFirst().orElseThrow());
        assertThat(FxWorkers.onFx(() -> model.usesText(shown))).contains("1").contains("2");

        dialogs.answer(true);
        FxWorkers.onFx(() -> {
            model.selectedProperty().set(shown);
            model.revoke();
        });
        FxWorkers.awaitFx("the invite is revoked", () -> !model.busyProperty().get()
                && model.getTokens().stream().noneMatch(t -> t.token().equals(chosen)));
        assertThat(inMas(chosen).orElseThrow().path("revoked_at").isTextual()).as("MAS keeps it, revoked").isTrue();
        assertThat(inMas(chosen).orElseThrow().path("valid").asBoolean()).isFalse();
    }

    @Test
    void aRandomInviteOfTheChosenLengthIsMadeInMasAndItsUsesAndExpiryEdited() {
        InvitesViewModel model = new InvitesViewModel(new SecurityService(new CurrentThreadTaskExecutor(), connection),
                new FakeDialogService(), mas.synapseUrl().toString(), mas.serverName(), Instant::now, ZONE);
        model.load();
        model.lengthProperty().set("20");
        model.save();
        RegistrationToken created = model.selectedProperty().get();
        assertThat(model.errorProperty().get()).isNull();
        assertThat(created.token()).hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(inMas(created.token())).hasValueSatisfying(t -> {
            assertThat(t.path("usage_limit").isNull()).isTrue();
            assertThat(t.path("expires_at").isNull()).isTrue();
        });

        LocalDate day = LocalDate.now(ZONE).plusDays(3);
        model.beginEdit();
        model.usesProperty().set("7");
        model.expiresOnProperty().set(day);
        model.save();

        assertThat(model.errorProperty().get()).isNull();
        assertThat(inMas(created.token())).hasValueSatisfying(t -> {
            assertThat(t.path("usage_limit").asInt()).isEqualTo(7);
            assertThat(Instant.parse(t.path("expires_at").asText())).isEqualTo(day.plusDays(1).atStartOfDay(ZONE).toInstant());
        });
    }
}
