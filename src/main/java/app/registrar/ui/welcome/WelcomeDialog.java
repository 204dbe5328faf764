package app.registrar.ui.welcome;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.ModalDialog;
import app.registrar.ui.common.Views;
import javafx.print.PrinterJob;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Window;

/** "Welcome message…": a plain note for the person, with Copy and Print. */
public final class WelcomeDialog extends ModalDialog {

    private final WelcomeViewModel model;

    public WelcomeDialog(Window owner, WelcomeViewModel model) {
        super(owner, tr("welcome.title", model.getUserId()));
        this.model = model;
        Label intro = new Label(tr("welcome.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);

        TextArea note = new TextArea();
        note.setId("welcomeText");
        note.setEditable(false);
        note.setWrapText(true);
        note.setPrefRowCount(16);
        note.textProperty().bind(model.textProperty());

        VBox content = new VBox(10, intro, note);
        if (model.hasTemporaryPassword()) {
            CheckBox include = new CheckBox(tr("welcome.include.password"));
            include.setId("includePassword");
            include.selectedProperty().bindBidirectional(model.includePasswordProperty());
            content.getChildren().addAll(include, Views.help(tr("welcome.include.password.help")));
        }
        content.setPrefWidth(580);
        setContent(content);

        addButton(tr("welcome.print"), false, this::print).setId("printWelcome");
        addButton(tr("welcome.copy"), false, model::copy).setId("copyWelcome");
        addButton(tr("about.close"), true, this::close).setCancelButton(true);
        setOnHidden(e -> model.forget());
    }

    /** Prints the note on one page through the system's print dialog; says so when no printer is set up. */
    private void print() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            Alert none = new Alert(Alert.AlertType.INFORMATION,
                    tr("welcome.print.none"));
            none.initOwner(this);
            none.setHeaderText(null);
            none.setTitle(tr("welcome.print.title"));
            none.showAndWait();
            return;
        }
        if (!job.showPrintDialog(this)) {
            job.cancelJob();
            return;
        }
        Text text = new Text(model.textProperty().get());
        text.setFont(Font.font(11));
        TextFlow page = new TextFlow(text);
        page.setPrefWidth(job.getJobSettings().getPageLayout().getPrintableWidth());
        if (job.printPage(page)) {
            job.endJob();
        } else {
            job.cancelJob();
        }
    }
}
