package app.registrar.ui.reauth;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.ModalDialog;
import app.registrar.ui.common.Views;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The "sign in again" dialog, bound to a {@link ReauthViewModel}. */
public final class ReauthDialog extends ModalDialog {

    public ReauthDialog(Window owner, ReauthViewModel model, Runnable signOutInstead) {
        super(owner, tr("reauth.title"));
        bindBusy(model.busyProperty());
        Label intro = new Label(tr("reauth.intro", model.getUserId()));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        PasswordField password = new PasswordField();
        password.setId("reauthPassword");
        password.textProperty().bindBidirectional(model.passwordProperty());
        VBox content = new VBox(10, intro, Views.labelFor("connect.password", password), password,
                Views.errorBox(model.errorProperty()));
        content.setPrefWidth(440);
        content.disableProperty().bind(model.busyProperty());
        setContent(content);
        addButton(tr("reauth.sign.out"), false, () -> {
            close();
            signOutInstead.run();
        });
        Button signIn = addButton(tr("reauth.sign.in"), true, model::signIn);
        signIn.setId("reauthSignIn");
        signIn.disableProperty().bind(model.canSignInProperty().not());
        signIn.textProperty().bind(Bindings.when(model.busyProperty()).then(tr("connect.signing.in")).otherwise(tr("reauth.sign.in")));
        model.closeRequestedProperty().addListener((obs, old, now) -> {
            if (now) {
                close();
            }
        });
        setOnHidden(e -> model.clearSecrets());
        setOnShown(e -> password.requestFocus());
    }
}
