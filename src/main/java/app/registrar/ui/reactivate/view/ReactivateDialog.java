package app.registrar.ui.reactivate.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.ShownProblems;
import app.registrar.ui.common.view.ModalDialog;
import app.registrar.ui.common.view.NewPasswordField;
import app.registrar.ui.common.view.Views;
import app.registrar.ui.reactivate.ReactivateViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The reactivate dialog, bound to a {@link ReactivateViewModel}. */
public final class ReactivateDialog extends ModalDialog {

    public ReactivateDialog(Window owner, ReactivateViewModel model) {
        super(owner, tr("reactivate.title", model.getUserId()));
        bindBusy(model.busyProperty());
        askBeforeDiscarding(model.getTypedInput().presentProperty());
        Label intro = new Label(tr("reactivate.intro", model.getUserId()));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        Label lost = new Label(tr("reactivate.lost"));
        lost.setWrapText(true);
        lost.setMinHeight(Region.USE_PREF_SIZE);
        lost.getStyleClass().add("warning-box");
        VBox content = new VBox(10, intro, lost);
        if (!model.getErasedWarning().isEmpty()) {
            Label erased = new Label(model.getErasedWarning());
            erased.setId("erasedWarning");
            erased.setWrapText(true);
            erased.setMinHeight(Region.USE_PREF_SIZE);
            erased.getStyleClass().add("warning-box");
            content.getChildren().add(erased);
        }
        ShownProblems shown = new ShownProblems();
        NewPasswordField password = new NewPasswordField(model.getPassword(), "reactivate.password", "reactivate", shown);
        if (model.isNeedsPassword()) {
            content.getChildren().add(password);
        } else {
            Label none = new Label(tr("reactivate.no.password"));
            none.setWrapText(true);
            none.setMinHeight(Region.USE_PREF_SIZE);
            content.getChildren().add(none);
        }
        content.getChildren().addAll(Views.errorBox(model.errorProperty()), Views.checkAgainButton(model.getOutcome()));
        content.setPrefWidth(460);
        content.disableProperty().bind(model.busyProperty());
        setContent(content);
        addCancelButton(tr("edit.cancel"));
        Button act = addButton(tr("reactivate.action"), true, () -> shown.trySave(model.canReactivateProperty(), model::reactivate));
        act.setId("confirmReactivate");
        act.disableProperty().bind(model.busyProperty());
        act.textProperty().bind(Bindings.when(model.busyProperty()).then(tr("reactivate.running")).otherwise(tr("reactivate.action")));
        model.closeRequestedProperty().addListener((obs, old, now) -> {
            if (now) {
                close();
            }
        });
        setOnHidden(e -> model.getPassword().clear());
        setOnShown(e -> password.focusField());
    }
}
