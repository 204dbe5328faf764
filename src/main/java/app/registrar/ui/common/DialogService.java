package app.registrar.ui.common;

import app.registrar.api.ProxyCredentials;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Every alert, confirmation, file chooser and clipboard write the view models need, behind one interface so they
 * can be tested with a fake. The JavaFX implementation sets the owner window on each dialog.
 */
public interface DialogService {

    /** Asks before an action; true when the admin chose the action. */
    boolean confirm(Confirmation confirmation);

    /** Asks with two actions and a cancel; see {@link Choice}. */
    Choice choose(Confirmation confirmation, String alternativeLabel);

    /** The admin's answer to {@link #choose}. */
    enum Choice { ACTION, ALTERNATIVE, CANCEL }

    void showError(String title, ErrorReport report);

    /** Asks whether to trust a server's certificate; true only when the admin chose to trust it. */
    boolean trustCertificate(CertificateQuestion question);

    /**
     * Asks for the proxy's user name and password; empty when the admin cancelled. The password field is cleared
     * when the dialog closes, and nothing typed is logged.
     */
    Optional<ProxyCredentials> askProxyCredentials(String title, String header, String text);

    void showInformation(String title, String message);

    /** A short notice that goes away by itself ("Password changed for @alice:…"). */
    void notify(String message);

    /** Lets the admin pick a picture file; empty when cancelled. */
    Optional<Path> chooseImage();

    /** Lets the admin pick a CSV file to import; empty when cancelled. */
    Optional<Path> chooseCsvToRead();

    /** Lets the admin choose where a CSV file is written, suggesting {@code suggestedName}; empty when cancelled. */
    Optional<Path> chooseCsvToWrite(String title, String suggestedName);

    /** Lets the admin choose where a PNG picture (a chart) is written, suggesting {@code suggestedName}; empty when cancelled. */
    Optional<Path> choosePngToWrite(String title, String suggestedName);

    /** Opens a web page in the system browser (single sign-on). */
    void openInBrowser(String url);

    /** Copies text the admin asked to copy (a generated password). Never called without the admin's click. */
    void copyToClipboard(String text);
}
