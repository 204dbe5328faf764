package app.registrar.ui.encryption.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.view.ModalDialog;
import app.registrar.ui.common.view.Views;
import app.registrar.ui.encryption.ResetEncryptionViewModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/** "Let them reset their encryption", bound to a {@link ResetEncryptionViewModel}. */
public final class ResetEncryptionDialog extends ModalDialog {

    private final Timeline clock;

    public ResetEncryptionDialog(Window owner, ResetEncryptionViewModel model) {
        super(owner, tr("reset.encryption.title", model.getUserId()));
        bindBusy(model.busyProperty());

        Label allows = text(model.allowsText());
        allows.setId("resetAllows");
        Label losesTitle = new Label(tr("reset.encryption.loses.title"));
        losesTitle.getStyleClass().add("section-title");
        Label loses = text(model.losesText());
        VBox losesBox = new VBox(4, losesTitle, loses);
        losesBox.getStyleClass().add("warning-box");

        Label until = text("");
        until.setId("resetUntil");
        until.getStyleClass().add("title-4");
        until.textProperty().bind(Bindings.createStringBinding(() -> model.allowedUntilProperty().get() == null ? ""
                : tr("reset.encryption.until", model.untilTextProperty().get(), model.countdownProperty().get()),
                model.allowedUntilProperty(), model.untilTextProperty(), model.countdownProperty()));
        until.visibleProperty().bind(model.allowedUntilProperty().isNotNull());
        until.managedProperty().bind(until.visibleProperty());

        Label stepsTitle = new Label(tr("reset.encryption.steps.title"));
        stepsTitle.getStyleClass().add("section-title");
        TextArea message = new TextArea(model.message());
        message.setId("resetMessage");
        message.setEditable(false);
        message.setWrapText(true);
        message.setPrefRowCount(10);
        model.untilTextProperty().addListener((obs, old, now) -> message.setText(model.message()));

        VBox content = new VBox(10, allows, until, losesBox, stepsTitle, message, Views.errorBox(model.errorProperty()));
        content.setPrefWidth(560);
        setContent(content);

        addButton(tr("reset.encryption.copy"), false, model::copyMessage).setId("copyResetMessage");
        if (model.canAllow()) {
            Button allow = addButton(tr("reset.encryption.allow"), true, model::allow);
            allow.setId("allowReset");
            allow.disableProperty().bind(model.busyProperty());
            allow.textProperty().bind(Bindings.when(model.allowedUntilProperty().isNull())
                    .then(tr("reset.encryption.allow")).otherwise(tr("reset.encryption.allow.again")));
        }
        addButton(tr("about.close"), !model.canAllow(), this::close).setCancelButton(true);

        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        setOnShown(e -> clock.play());
        setOnHidden(e -> clock.stop());
    }

    private static Label text(String value) {
        Label label = new Label(value);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
