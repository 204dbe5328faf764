package app.registrar.ui.about.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.BuildInfo;
import app.registrar.ui.common.view.ModalDialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Version, Java and JavaFX versions, and the licence. */
public final class AboutDialog extends ModalDialog {

    public AboutDialog(Window owner) {
        super(owner, tr("about.title"));
        Label name = new Label(BuildInfo.name());
        name.getStyleClass().add("title-2");
        Label version = new Label(tr("about.version", BuildInfo.version()));
        version.setId("aboutVersion");
        Label runtime = new Label(tr("about.runtime", System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "?"))));
        Label license = new Label(tr("about.license", BuildInfo.license()));
        VBox content = new VBox(8, name, version, runtime, license);
        content.setPrefWidth(360);
        setContent(content);
        addButton(tr("about.close"), true, this::close).setCancelButton(true);
    }
}
