package app.registrar.ui.common;

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

    void showInformation(String title, String message);

    /** A short notice that goes away by itself ("Password changed for @alice:…"). */
    void notify(String message);

    /** Lets the admin pick a picture file; empty when cancelled. */
    Optional<Path> chooseImage();

    /** Opens a web page in the system browser (single sign-on). */
    void openInBrowser(String url);

    /** Copies text the admin asked to copy (a generated password). Never called without the admin's click. */
    void copyToClipboard(String text);
}
