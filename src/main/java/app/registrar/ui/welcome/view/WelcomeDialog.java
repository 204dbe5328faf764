package app.registrar.ui.welcome.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.view.ModalDialog;
import app.registrar.ui.common.view.Views;
import app.registrar.ui.welcome.WelcomeViewModel;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.print.Printer;
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
    /** Where the printer is chosen: the system's print dialog; a test picks its PDF printer instead. */
    private final Predicate<PrinterJob> printerChoice;

    public WelcomeDialog(Window owner, WelcomeViewModel model) {
        this(owner, model, null);
    }

    public WelcomeDialog(Window owner, WelcomeViewModel model, Predicate<PrinterJob> printerChoice) {
        super(owner, tr("welcome.title", model.getUserId()));
        this.model = model;
        this.printerChoice = printerChoice != null ? printerChoice : job -> job.showPrintDialog(this);
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

    /**
     * Prints the note on one page on the printer the admin picks in the system's print dialog; says so when no
     * printer is set up. A machine with printers but none marked as the default still prints: the dialog then
     * starts on the first one.
     */
    private void print() {
        Optional<Printer> first = Optional.ofNullable(Printer.getDefaultPrinter())
                .or(() -> Printer.getAllPrinters().stream().findFirst());
        PrinterJob job = first.map(PrinterJob::createPrinterJob).orElse(null);
        if (job == null) {
            Alert none = new Alert(Alert.AlertType.INFORMATION,
                    tr("welcome.print.none"));
            none.initOwner(this);
            none.setHeaderText(null);
            none.setTitle(tr("welcome.print.title"));
            none.showAndWait();
            return;
        }
        job.getJobSettings().setJobName(tr("welcome.print.job"));
        if (!printerChoice.test(job)) {
            job.cancelJob();
            return;
        }
        print(job, model.textProperty().get());
    }

    /** The note as plain text wrapped at the page's printable width, sent to the job's printer; false if it failed. */
    static boolean print(PrinterJob job, String note) {
        Text text = new Text(note);
        text.setFont(Font.font(11));
        TextFlow page = new TextFlow(text);
        page.setPrefWidth(job.getJobSettings().getPageLayout().getPrintableWidth());
        if (job.printPage(page)) {
            return job.endJob();
        }
        job.cancelJob();
        return false;
    }
}
