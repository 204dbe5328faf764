package app.registrar.ui.password.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.ShownProblems;
import app.registrar.ui.common.view.ModalDialog;
import app.registrar.ui.common.view.NewPasswordField;
import app.registrar.ui.common.view.Views;
import app.registrar.ui.password.ResetPasswordViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The reset-password dialog, bound to a {@link ResetPasswordViewModel}. */
public final class ResetPasswordDialog extends ModalDialog {

    public ResetPasswordDialog(Window owner, ResetPasswordViewModel model) {
        super(owner, tr("password.title", model.getUserId()));
        bindBusy(model.busyProperty());
        askBeforeDiscarding(model.getTypedInput().presentProperty());
        if (!model.isPasswordsManagedHere()) {
            Label text = new Label(tr("password.managed.elsewhere"));
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            VBox content = new VBox(12, text);
            content.setPrefWidth(460);
            setContent(content);
            addButton(tr("about.close"), true, this::close);
            return;
        }
        Label intro = new Label(tr("password.intro", model.getUserId()));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        ShownProblems shown = new ShownProblems();
        NewPasswordField password = new NewPasswordField(model.getPassword(), "password.new", "newReset", shown);

        CheckBox logout = new CheckBox(tr("password.logout"));
        logout.setId("logoutDevices");
        logout.setMnemonicParsing(true);
        logout.selectedProperty().bindBidirectional(model.logoutDevicesProperty());
        VBox logoutBox = new VBox(4, logout, Views.help(tr("password.logout.help")));
        logoutBox.getStyleClass().add("warning-box");

        // While a lost answer leaves the outcome unknown, the password shown is the one that may be set: locked.
        password.disableProperty().bind(model.getOutcome().unconfirmedProperty());
        logoutBox.disableProperty().bind(model.getOutcome().unconfirmedProperty());
        VBox content = new VBox(10, intro, password, logoutBox, Views.errorBox(model.errorProperty()),
                Views.checkAgainButton(model.getOutcome(), "password.send.again", "password.saving"));
        content.setPrefWidth(480);
        content.disableProperty().bind(model.busyProperty());
        setContent(content);

        addCancelButton(tr("edit.cancel"));
        // Pressing Reset on an unfinished form says what is missing instead of doing nothing.
        Button save = addButton(tr("password.save"), true, () -> shown.trySave(model.canSaveProperty(), model::save));
        save.setId("confirmReset");
        save.disableProperty().bind(model.busyProperty().or(model.getOutcome().unconfirmedProperty()));
        save.textProperty().bind(Bindings.when(model.busyProperty()).then(tr("password.saving")).otherwise(tr("password.save")));
        model.closeRequestedProperty().addListener((obs, old, now) -> {
            if (now) {
                close();
            }
        });
        setOnHidden(e -> model.getPassword().clear());
        setOnShown(e -> password.focusField());
    }
}
