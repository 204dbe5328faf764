package app.registrar.ui.reactivate;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.ModalDialog;
import app.registrar.ui.common.Views;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The reactivate dialog, bound to a {@link ReactivateViewModel}. */
public final class ReactivateDialog extends ModalDialog {

    public ReactivateDialog(Window owner, ReactivateViewModel model) {
        super(owner, tr("reactivate.title", model.getUserId()));
        bindBusy(model.busyProperty());
        Label intro = new Label(tr("reactivate.intro", model.getUserId()));
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label lost = new Label(tr("reactivate.lost"));
        lost.setWrapText(true);
        lost.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        lost.getStyleClass().add("warning-box");
        VBox content = new VBox(10, intro, lost);
        PasswordField password = new PasswordField();
        password.setId("reactivatePassword");
        if (model.isNeedsPassword()) {
            password.textProperty().bindBidirectional(model.passwordProperty());
            HBox.setHgrow(password, Priority.ALWAYS);
            Button generate = new Button(tr("edit.password.generate"), new FontIcon(Feather.ZAP));
            generate.setId("generateReactivate");
            generate.setMnemonicParsing(true);
            generate.setOnAction(e -> model.generate());
            TextField shown = new TextField();
            shown.setEditable(false);
            shown.textProperty().bind(model.generatedProperty());
            HBox.setHgrow(shown, Priority.ALWAYS);
            Button copy = new Button(tr("edit.password.copy"), new FontIcon(Feather.COPY));
            copy.setOnAction(e -> model.copyGenerated());
            HBox shownRow = new HBox(8, shown, copy);
            shownRow.visibleProperty().bind(Bindings.isNotEmpty(model.generatedProperty()));
            shownRow.managedProperty().bind(shownRow.visibleProperty());
            content.getChildren().addAll(Views.labelFor("reactivate.password", password), new HBox(8, password, generate),
                    shownRow, Views.problem(model.problemProperty()));
        } else {
            Label none = new Label(tr("reactivate.no.password"));
            none.setWrapText(true);
            none.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            content.getChildren().add(none);
        }
        content.getChildren().add(Views.errorBox(model.errorProperty()));
        content.setPrefWidth(460);
        content.disableProperty().bind(model.busyProperty());
        setContent(content);
        addCancelButton(tr("edit.cancel"));
        Button act = addButton(tr("reactivate.action"), true, model::reactivate);
        act.setId("confirmReactivate");
        act.disableProperty().bind(model.canReactivateProperty().not());
        act.textProperty().bind(Bindings.when(model.busyProperty()).then(tr("reactivate.running")).otherwise(tr("reactivate.action")));
        model.closeRequestedProperty().addListener((obs, old, now) -> {
            if (now) {
                close();
            }
        });
        setOnHidden(e -> model.clearSecrets());
        password.requestFocus();
    }
}
