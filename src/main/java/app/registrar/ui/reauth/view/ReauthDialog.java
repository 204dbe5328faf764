package app.registrar.ui.reauth.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.view.ModalDialog;
import app.registrar.ui.common.view.Views;
import app.registrar.ui.reauth.ReauthViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The "sign in again" dialog, bound to a {@link ReauthViewModel}: a password, access token or client secret field,
 * or a button that signs in in the browser, as the session began. Open it over the topmost dialog
 * ({@link ModalDialog#topmost}) so it stays above the form whose input it keeps.
 */
public final class ReauthDialog extends ModalDialog {

    public ReauthDialog(Window owner, ReauthViewModel model, Runnable signOutInstead) {
        super(owner, tr("reauth.title"));
        bindBusy(model.busyProperty());
        Label intro = new Label(model.getIntro());
        intro.setId("reauthIntro");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        VBox content = new VBox(10, intro);
        PasswordField secret = new PasswordField();
        secret.setId("reauthPassword");
        if (model.getFieldLabelKey() != null) {
            secret.textProperty().bindBidirectional(model.passwordProperty());
            content.getChildren().addAll(Views.labelFor(model.getFieldLabelKey(), secret), secret);
        }
        Label progress = new Label();
        progress.setWrapText(true);
        progress.setMinHeight(Region.USE_PREF_SIZE);
        progress.textProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.progressProperty().isNotEmpty());
        progress.managedProperty().bind(progress.visibleProperty());
        content.getChildren().addAll(progress, Views.errorBox(model.errorProperty()));
        content.setPrefWidth(440);
        content.disableProperty().bind(model.busyProperty());
        setContent(content);
        addButton(tr("reauth.sign.out"), false, () -> {
            close();
            signOutInstead.run();
        });
        String action = tr(model.usesBrowser() ? "reauth.sign.in.browser" : "reauth.sign.in");
        Button signIn = addButton(action, true, model::signIn);
        signIn.setId("reauthSignIn");
        signIn.disableProperty().bind(model.canSignInProperty().not());
        signIn.textProperty().bind(Bindings.when(model.busyProperty()).then(tr("connect.signing.in")).otherwise(action));
        model.closeRequestedProperty().addListener((obs, old, now) -> {
            if (now) {
                close();
            }
        });
        setOnHidden(e -> model.clearSecrets());
        setOnShown(e -> (model.getFieldLabelKey() != null ? secret : signIn).requestFocus());
    }
}
