package app.registrar.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.testing.FakeDialogService;
import app.registrar.testing.Screenshots;
import app.registrar.testing.SynapseExtension;
import app.registrar.ui.welcome.view.WelcomeDialog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.print.Printer;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12: "Print" in the welcome message really prints. A private print server (scripts/cups.sh: CUPS with the
 * cups-pdf printer, on 127.0.0.1) is the printer; the test presses the dialog's Print button and only stands in for
 * the admin's choice in the system print dialog by picking that printer. What came out is read independently of
 * Registrar: JavaFX prints text as outlines, so the PDF is rendered (pdftoppm) and read by OCR (tesseract).
 */
class WelcomePrintPdfTest {

    private static final String SERVER = "https://matrix.example.org";
    private static final String USER = "@alice.martin:example.org";
    // Letters OCR does not confuse (no l/1, O/0), so "not found" means "not printed".
    private static final String PASSWORD = "Harbor-Violet-7392";
    private static final FxRobot robot = new FxRobot();
    private static Path pdfDir;
    private static Stage stage;

    @BeforeAll
    static void startPrintServer() throws Exception {
        script("start");
        pdfDir = SynapseExtension.projectDir().resolve(System.getenv().getOrDefault("CUPS_DIR", "target/cups")).resolve("pdf");
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stopPrintServer() throws Exception {
        script("stop");
    }

    private static void script(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "scripts/cups.sh", command)
                .directory(SynapseExtension.projectDir().toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("scripts/cups.sh " + command + " failed: " + out);
        }
    }

    private static Set<Path> pdfs() throws IOException {
        if (!Files.isDirectory(pdfDir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(pdfDir)) {
            return files.filter(f -> f.toString().endsWith(".pdf")).collect(Collectors.toSet());
        }
    }

    /** Opens the welcome dialog, presses Print with the PDF printer chosen, and returns the PDF that came out. */
    private static Path printThroughTheDialog(WelcomeViewModel model) throws Exception {
        Set<Path> before = pdfs();
        Printer pdf = Printer.getAllPrinters().stream().filter(p -> p.getName().equals("RegistrarPDF")).findFirst()
                .orElseThrow(() -> new AssertionError("JavaFX sees no printer RegistrarPDF (CUPS_SERVER="
                        + System.getenv("CUPS_SERVER") + "): " + Printer.getAllPrinters()));
        WelcomeDialog[] dialog = new WelcomeDialog[1];
        robot.interact(() -> {
            dialog[0] = new WelcomeDialog(stage, model, job -> {
                job.setPrinter(pdf);
                return true;
            });
            dialog[0].show();
        });
        robot.interact(() -> Screenshots.save(dialog[0].getScene(), "welcome-print"));
        Button print = robot.from(dialog[0].getScene().getRoot()).lookup("#printWelcome").queryButton();
        Platform.runLater(print::fire);
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            List<Path> added = pdfs().stream().filter(p -> !before.contains(p)).toList();
            // cups-pdf writes the file in one go once Ghostscript is done; a size that stays put is the finished file.
            if (added.size() == 1 && Files.size(added.get(0)) > 0) {
                long size = Files.size(added.get(0));
                Thread.sleep(500);
                if (Files.size(added.get(0)) == size) {
                    robot.interact(dialog[0]::close);
                    return added.get(0);
                }
            }
            if (Instant.now().isAfter(until)) {
                robot.interact(dialog[0]::close);
                throw new AssertionError("no PDF came out of the printer in " + pdfDir + "; see target/cups/log");
            }
            Thread.sleep(200);
        }
    }

    /** The page's words as OCR reads them from the PDF rendered at 300 dpi, whitespace removed. */
    private static String ocr(Path pdf) throws Exception {
        Path png = pdf.resolveSibling(pdf.getFileName() + "-page");
        run("pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", pdf.toString(), png.toString());
        String text = run("tesseract", png + ".png", "stdout");
        // Read: gone, so the next print (same job name, same file name) is recognised as new.
        Files.delete(pdf);
        Files.delete(Path.of(png + ".png"));
        return text.replaceAll("\\s+", "");
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
        return out;
    }

    @Test
    void printingGivesAPageWithTheUserIdAndServerAddressAndTheTemporaryPasswordOnlyWhenShown() throws Exception {
        WelcomeViewModel hidden = new WelcomeViewModel(new FakeDialogService(), SERVER, USER, "Alice Martin", null, PASSWORD);
        WelcomeViewModel shown = new WelcomeViewModel(new FakeDialogService(), SERVER, USER, "Alice Martin", null, PASSWORD);
        shown.includePasswordProperty().set(true);

        String withoutPassword = ocr(printThroughTheDialog(hidden));
        String withPassword = ocr(printThroughTheDialog(shown));

        assertThat(withoutPassword).contains(USER).contains(SERVER).contains("Secure Backup".replace(" ", ""))
                .doesNotContain(PASSWORD);
        assertThat(withPassword).as("the same page, now with the password the admin chose to show")
                .contains(USER).contains(SERVER).contains(PASSWORD);
    }
}
