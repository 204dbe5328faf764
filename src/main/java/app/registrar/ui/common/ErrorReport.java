package app.registrar.ui.common;

/**
 * A failure as the admin sees it: one plain sentence, what to do next, and technical details (HTTP status,
 * Matrix errcode, the server's own words) for a collapsible section or a support request.
 */
public record ErrorReport(String message, String nextStep, String details) {

    /** Message and next step as one line, for a status label. */
    public String summary() {
        return nextStep == null || nextStep.isBlank() ? message : message + " " + nextStep;
    }
}
