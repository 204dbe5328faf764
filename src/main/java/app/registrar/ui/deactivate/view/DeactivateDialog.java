package app.registrar.ui.deactivate.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.view.LeftBehindBox;
import app.registrar.ui.common.view.ModalDialog;
import app.registrar.ui.common.view.Views;
import app.registrar.ui.deactivate.DeactivateViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The deactivate dialog, bound to a {@link DeactivateViewModel}. */
public final class DeactivateDialog extends ModalDialog {

    public DeactivateDialog(Window owner, DeactivateViewModel model) {
        super(owner, tr("deactivate.title", model.getUserId()));
        bindBusy(model.busyProperty());
        askBeforeDiscarding(model.getTypedInput().presentProperty());
        String id = model.getUserId();

        Label what = new Label(tr("deactivate.what"));
        what.getStyleClass().add("section-title");
        Label messagesStay = point(tr("deactivate.point.messages"));
        messagesStay.setId("messagesStayPoint");
        messagesStay.visibleProperty().bind(model.messagesStayVisibleProperty());
        messagesStay.managedProperty().bind(messagesStay.visibleProperty());
        VBox points = new VBox(4,
                point(tr("deactivate.point.signout")),
                point(tr("deactivate.point.emails")),
                point(tr("deactivate.point.id", id)),
                messagesStay);

        CheckBox erase = new CheckBox(tr("deactivate.erase"));
        erase.setId("erase");
        erase.setWrapText(true);
        erase.setMinHeight(Region.USE_PREF_SIZE);
        erase.setMnemonicParsing(true);
        erase.selectedProperty().bindBidirectional(model.eraseProperty());
        VBox eraseBox = new VBox(6, erase, Views.help(tr("deactivate.erase.help")));
        if (!model.getServerNote().isEmpty()) {
            eraseBox.getChildren().add(Views.help(model.getServerNote()));
        }
        eraseBox.getStyleClass().add("warning-box");

        TextField typed = new TextField();
        typed.setId("confirmUserId");
        typed.setPromptText(id);
        typed.textProperty().bindBidirectional(model.typedUserIdProperty());
        Label typeLabel = new Label(model.getTypeHint());
        typeLabel.setMnemonicParsing(true);
        typeLabel.setLabelFor(typed);
        typeLabel.setWrapText(true);
        typeLabel.setMinHeight(Region.USE_PREF_SIZE);
        Label mismatch = Views.problem(model.typedProblemProperty());
        mismatch.setId("confirmUserIdProblem");
        Label userId = new Label(id);
        userId.getStyleClass().add("user-title");

        Label progress = new Label();
        progress.textProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(Bindings.isNotEmpty(model.progressProperty()));
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setWrapText(true);
        progress.setMinHeight(Region.USE_PREF_SIZE);

        VBox content;
        if (model.isOwnAccount()) {
            Label refused = new Label(tr("deactivate.self"));
            refused.getStyleClass().add("error-message");
            refused.setWrapText(true);
            refused.setMinHeight(Region.USE_PREF_SIZE);
            content = new VBox(12, userId, refused);
        } else {
            // What this account loses, read from the server while the admin reads the dialog.
            RemovalPreviewView preview = new RemovalPreviewView(model.getPreview(), model.eraseProperty());
            model.getPreview().load();
            content = new VBox(12, userId, what, points, preview, eraseBox, typeLabel, typed, mismatch, progress, Views.errorBox(model.errorProperty()),
                    Views.checkAgainButton(model.getOutcome()));
            if (model.getLeftBehind() != null) {
                VBox leftBehind = LeftBehindBox.of(model.getLeftBehind(), tr("deactivate.redact"), tr("deactivate.media"),
                        "redactMessages", "redactPreview", "deleteMedia", "deleteMediaPreview");
                leftBehind.disableProperty().bind(model.busyProperty());
                // After the confirmation field, so adding the ticks leaves that field where it always was.
                content.getChildren().add(content.getChildren().indexOf(mismatch) + 1, leftBehind);
            }
        }
        content.setPrefWidth(500);
        setContent(content);
        typed.disableProperty().bind(model.busyProperty());
        eraseBox.disableProperty().bind(model.busyProperty());

        addCancelButton(tr("deactivate.keep"));
        if (!model.isOwnAccount()) {
            Button act = addButton("", false, model::deactivate);
            act.setId("confirmDeactivate");
            act.getStyleClass().add("danger");
            act.setMnemonicParsing(true);
            act.textProperty().bind(Bindings.when(model.eraseProperty())
                    .then(tr("deactivate.action.erase", id)).otherwise(tr("deactivate.action", id)));
            act.disableProperty().bind(model.canDeactivateProperty().not());
        }
        model.closeRequestedProperty().addListener((obs, old, now) -> {
            if (now) {
                close();
            }
        });
        setOnShown(e -> typed.requestFocus());
    }

    private static Label point(String text) {
        Label label = new Label(text, new FontIcon(Feather.CHEVRON_RIGHT));
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
