package app.registrar.ui.encryption.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.EncryptionState.DeviceTrust;
import app.registrar.ui.common.view.Views;
import app.registrar.ui.encryption.EncryptionViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The account panel's "Encryption and recovery" section, and the verification word on each device line. */
public final class EncryptionView extends VBox {

    private final EncryptionViewModel model;

    public EncryptionView(EncryptionViewModel model) {
        super(6);
        this.model = model;
        setId("encryptionSection");
        Label title = wrapped(new Label(tr("encryption.title")));
        title.getStyleClass().add("section-title");

        Label recovery = wrapped(new Label());
        recovery.setId("recoveryLine");
        recovery.setGraphic(new FontIcon(Feather.LIFE_BUOY));
        recovery.textProperty().bind(model.recoveryLineProperty());
        recovery.visibleProperty().bind(model.recoveryLineProperty().isNotEmpty());
        recovery.managedProperty().bind(recovery.visibleProperty());

        Label identity = wrapped(new Label());
        identity.setId("encryptionIdentity");
        identity.setGraphic(new FontIcon(Feather.SHIELD));
        identity.textProperty().bind(model.identityTextProperty());
        identity.visibleProperty().bind(model.identityTextProperty().isNotEmpty());
        identity.managedProperty().bind(identity.visibleProperty());

        Label backup = Views.help(tr("encryption.backup.unknown"));
        backup.setId("secureBackupNote");

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(18, 18);
        spinner.visibleProperty().bind(model.loadingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());

        VBox error = Views.errorBox(model.errorProperty());

        Button reset = new Button(tr("encryption.reset"), new FontIcon(Feather.REFRESH_CW));
        reset.setId("resetEncryption");
        reset.setMnemonicParsing(true);
        reset.getStyleClass().add("small");
        reset.visibleProperty().bind(Bindings.createBooleanBinding(model::canOfferReset, model.stateProperty()));
        reset.managedProperty().bind(reset.visibleProperty());
        reset.setOnAction(e -> new ResetEncryptionDialog(getScene() == null ? null : getScene().getWindow(),
                model.newResetEncryption()).showAndWait());

        getChildren().addAll(title, recovery, identity, spinner, error, backup, reset);
        visibleProperty().bind(model.userProperty().isNotNull()
                .and(Bindings.createBooleanBinding(() -> model.userProperty().get() != null && !model.userProperty().get().deactivated(),
                        model.userProperty())));
        managedProperty().bind(visibleProperty());
    }

    /** The verification word for one device's line; follows the state as it is read. */
    public Node deviceBadge(String deviceId) {
        Label badge = new Label();
        badge.getStyleClass().addAll("status-chip", "device-trust");
        // The device name gives way (it ellipsizes); the verification word is never cut.
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.textProperty().bind(Bindings.createStringBinding(() -> model.trustText(deviceId), model.getTrust(), model.stateProperty()));
        badge.visibleProperty().bind(badge.textProperty().isNotEmpty());
        badge.managedProperty().bind(badge.visibleProperty());
        Runnable style = () -> {
            badge.getStyleClass().removeAll("verified", "not-verified", "no-keys");
            DeviceTrust trust = model.stateProperty().get() == null ? null : model.stateProperty().get().trustOf(deviceId);
            if (trust != null) {
                badge.getStyleClass().add(switch (trust) {
                    case VERIFIED -> "verified";
                    case NOT_VERIFIED -> "not-verified";
                    case NO_KEYS -> "no-keys";
                });
            }
        };
        style.run();
        // Follows the badge's own text (bound weakly to the model), so a rebuilt panel leaves no listener behind.
        badge.textProperty().addListener((obs, old, now) -> style.run());
        badge.setId("trust-" + deviceId);
        return badge;
    }

    private static Label wrapped(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
