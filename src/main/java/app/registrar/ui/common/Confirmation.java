package app.registrar.ui.common;

/**
 * A question put to the admin before an action: what is at stake, and verb buttons ("Deactivate @alice:…" /
 * "Keep account"), never Yes/No. {@code destructive} styles the action button as dangerous.
 */
public record Confirmation(String title, String header, String text, String actionLabel, String cancelLabel,
                           boolean destructive) {
}
