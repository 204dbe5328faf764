package app.registrar.mas;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.service.ConnectionService.SignInMethod;
import app.registrar.service.ConnectionService;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.MasBrowser;
import app.registrar.testing.MasExtension;
import app.registrar.testing.MasProbe;
import app.registrar.testing.MasSignedIn;
import app.registrar.testing.TestMas;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.reauth.ReauthViewModel;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in again after MAS stopped accepting the session, against the real MAS stack: the dialog asks for no
 * password but sends the admin through MAS in the browser again, and only the same admin may come back.
 */
@ExtendWith(MasExtension.class)
class MasReauthTest {

    private final List<CompletableFuture<MasBrowser.Outcome>> browsers = new CopyOnWriteArrayList<>();


    @Test
    void signingInAgainGoesThroughMasInTheBrowserWithoutAPassword(TestMas mas) {
        ConnectionService connection = MasSignedIn.asAdmin(mas);
        String before = connection.mas().orElseThrow().oauth().tokens().accessToken().reveal();
        List<String> signedIn = new CopyOnWriteArrayList<>();
        FakeDialogService dialogs = MasSignedIn.browserAs(mas.adminLocalpart(), mas.adminPassword(), browsers);
        ReauthViewModel dialog = new ReauthViewModel(connection, dialogs, mas.adminUser(), () -> signedIn.add("again"));

        assertThat(dialog.getMethod()).isEqualTo(SignInMethod.MAS_BROWSER);
        assertThat(dialog.usesBrowser()).isTrue();
        assertThat(dialog.getFieldLabelKey()).as("no password field").isNull();
        dialog.signIn();
        browsers.forEach(CompletableFuture::join);

        assertThat(dialog.errorProperty().get()).isNull();
        assertThat(signedIn).containsExactly("again");
        assertThat(dialogs.browsed).singleElement().asString().startsWith(mas.masUrl() + "authorize");
        String after = connection.mas().orElseThrow().oauth().tokens().accessToken().reveal();
        assertThat(after).isNotEqualTo(before);
        assertThat(new MasProbe(mas).withToken(after).synapse("GET", "_synapse/admin/v2/users/" + mas.adminUser(), null).status())
                .isEqualTo(200);
    }

    @Test
    void anotherAdminSigningInInTheBrowserDoesNotTakeOverTheSession(TestMas mas) {
        MasProbe probe = new MasProbe(mas);
        String other = TestMas.newLocalpart("other-admin");
        String password = "Mas-" + UUID.randomUUID();
        String otherId = probe.createAccount(other, password);
        assertThat(probe.mas("POST", "users/" + otherId + "/set-admin", Map.of("admin", true)).status()).isEqualTo(200);
        ConnectionService connection = MasSignedIn.asAdmin(mas);
        List<String> signedIn = new CopyOnWriteArrayList<>();
        ReauthViewModel dialog = new ReauthViewModel(connection, MasSignedIn.browserAs(other, password, browsers),
                mas.adminUser(), () -> signedIn.add("again"));

        dialog.signIn();
        browsers.forEach(CompletableFuture::join);

        assertThat(dialog.errorProperty().get().message()).as("told it was the wrong account")
                .isEqualTo(ErrorMessages.describe(MatrixApiException.local(ErrorCategory.WRONG_CREDENTIALS, "")).message());
        assertThat(signedIn).isEmpty();
        assertThat(connection.session().orElseThrow().userId()).isEqualTo(mas.adminUser());
        // The other admin's new MAS session was ended, not left behind.
        assertThat(probe.mas("GET", "oauth2-sessions?filter[user]=" + otherId + "&filter[status]=active", null).body()
                .path("data").size()).isZero();
    }
}
