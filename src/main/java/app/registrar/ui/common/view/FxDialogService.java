package app.registrar.ui.common.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ProxyCredentials;
import app.registrar.ui.common.CertificateQuestion;
import app.registrar.ui.common.Confirmation;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.I18n;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** The JavaFX {@link DialogService}: every dialog owned by the current window, buttons named by their verb. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private final Consumer<String> browser;

    public FxDialogService(Supplier<Window> owner, HostServices hostServices) {
        this(hostServices == null ? null : (Consumer<String>) hostServices::showDocument, owner);
    }

    private FxDialogService(Consumer<String> browser, Supplier<Window> owner) {
        this.owner = owner;
        this.browser = browser;
    }

    /** With how a web page is opened: the system browser (HostServices) in the app, a scripted one in a test. */
    public static FxDialogService withBrowser(Supplier<Window> owner, Consumer<String> browser) {
        return new FxDialogService(browser, owner);
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        ButtonType action = new ButtonType(confirmation.actionLabel(), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(confirmation.cancelLabel(), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(confirmation, action, cancel);
        return alert.showAndWait().filter(action::equals).isPresent();
    }

    @Override
    public Choice choose(Confirmation confirmation, String alternativeLabel) {
        ButtonType action = new ButtonType(confirmation.actionLabel(), ButtonBar.ButtonData.OK_DONE);
        ButtonType alternative = new ButtonType(alternativeLabel, ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType(confirmation.cancelLabel(), ButtonBar.ButtonData.CANCEL_CLOSE);
        Optional<ButtonType> answer = alert(confirmation, action, alternative, cancel).showAndWait();
        if (answer.filter(action::equals).isPresent()) {
            return Choice.ACTION;
        }
        return answer.filter(alternative::equals).isPresent() ? Choice.ALTERNATIVE : Choice.CANCEL;
    }

    private Alert alert(Confirmation confirmation, ButtonType... buttons) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", buttons);
        alert.initOwner(owner.get());
        alert.setTitle(confirmation.title());
        alert.setHeaderText(confirmation.header());
        Label text = new Label(confirmation.text());
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(440);
        alert.getDialogPane().setContent(text);
        if (confirmation.destructive()) {
            alert.getDialogPane().lookupButton(buttons[0]).getStyleClass().add("danger");
            // The safe choice is the default: Enter never destroys anything.
            ((Button) alert.getDialogPane().lookupButton(buttons[0])).setDefaultButton(false);
            ((Button) alert.getDialogPane().lookupButton(buttons[buttons.length - 1])).setDefaultButton(true);
        }
        return alert;
    }

    @Override
    public void showError(String title, ErrorReport report) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(report.message());
        Label next = new Label(report.nextStep());
        next.setWrapText(true);
        next.setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setContent(next);
        TextArea details = new TextArea(report.details());
        details.setEditable(false);
        details.setWrapText(true);
        details.setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setExpandableContent(details);
        alert.showAndWait();
    }

    @Override
    public boolean trustCertificate(CertificateQuestion question) {
        ButtonType trust = new ButtonType(question.actionLabel(), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(question.cancelLabel(), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(question.changed() ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION, "", trust, cancel);
        alert.initOwner(owner.get());
        alert.setTitle(question.title());
        alert.setHeaderText(question.header());
        Label text = new Label(question.text());
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(480);
        Label fingerprintLabel = new Label(question.fingerprintLabel());
        fingerprintLabel.getStyleClass().add("text-bold");
        // Read-only but selectable, so it can be compared or copied; two lines of 16 pairs, so none is cut off.
        TextArea fingerprint = new TextArea(twoLines(question.fingerprint()));
        fingerprint.setEditable(false);
        fingerprint.setWrapText(false);
        fingerprint.setId("certificateFingerprint");
        fingerprint.setStyle("-fx-font-family: monospace;");
        fingerprint.setPrefRowCount(2);
        fingerprint.setPrefColumnCount(48);
        fingerprint.setMinHeight(Region.USE_PREF_SIZE);
        fingerprintLabel.setLabelFor(fingerprint);
        VBox content = new VBox(8, text, fingerprintLabel, fingerprint);
        alert.getDialogPane().setContent(content);
        TextArea details = new TextArea(question.details());
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(6);
        alert.getDialogPane().setExpandableContent(details);
        // Enter never trusts a certificate: the safe choice is the default.
        Button trustButton = (Button) alert.getDialogPane().lookupButton(trust);
        trustButton.setDefaultButton(false);
        if (question.changed()) {
            trustButton.getStyleClass().add("danger");
        }
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        return alert.showAndWait().filter(trust::equals).isPresent();
    }

    /** {@code AB:CD:…} (32 pairs) as two lines of 16 pairs. */
    static String twoLines(String fingerprint) {
        String[] pairs = fingerprint.split(":");
        if (pairs.length != 32) {
            return fingerprint;
        }
        return String.join(":", Arrays.copyOfRange(pairs, 0, 16)) + "\n"
                + String.join(":", Arrays.copyOfRange(pairs, 16, 32));
    }

    @Override
    public Optional<ProxyCredentials> askProxyCredentials(String title, String header, String text) {
        Dialog<ProxyCredentials> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        ButtonType signIn = new ButtonType(tr("proxy.sign.in"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(tr("proxy.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(signIn, cancel);
        TextField user = new TextField();
        PasswordField password = new PasswordField();
        user.setId("proxyUser");
        password.setId("proxyPassword");
        Label note = new Label(text);
        note.setWrapText(true);
        note.setMaxWidth(420);
        note.setMinHeight(Region.USE_PREF_SIZE);
        VBox content = new VBox(6, note,
                Views.labelFor("proxy.user", user), user, Views.labelFor("proxy.password", password), password);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().lookupButton(signIn).disableProperty().bind(user.textProperty().isEmpty());
        dialog.setResultConverter(button -> button == signIn ? new ProxyCredentials(user.getText(), password.getText()) : null);
        Platform.runLater(user::requestFocus);
        try {
            return dialog.showAndWait();
        } finally {
            password.clear();
        }
    }

    @Override
    public void showInformation(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.showAndWait();
    }

    @Override
    public void notify(String message) {
        Window window = owner.get();
        Notifications notifications = Notifications.create().text(message).hideAfter(Duration.seconds(4));
        if (window != null) {
            notifications.owner(window);
        }
        notifications.showInformation();
    }

    @Override
    public Optional<Path> chooseImage() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(tr("edit.avatar.choose").replace("_", ""));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(tr("edit.avatar.files"), "*.png", "*.jpg", "*.jpeg", "*.gif", "*.webp"));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseCsvToRead() {
        return Optional.ofNullable(csvChooser(tr("bulk.file.open")).showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseCsvToWrite(String title, String suggestedName) {
        FileChooser chooser = csvChooser(title);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> choosePngToWrite(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(tr("insights.file.png"), "*.png"));
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser csvChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(tr("bulk.file.csv"), "*.csv", "*.txt"));
        return chooser;
    }

    @Override
    public void openInBrowser(String url) {
        browser.accept(url);
    }

    @Override
    public void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
