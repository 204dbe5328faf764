package app.registrar.ui.common;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import java.util.Locale;

/** Turns a homeserver failure into a plain sentence with a next step; the raw errcode goes to the details only. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static ErrorReport describe(MatrixApiException error) {
        ErrorCategory category = error.category();
        String key = "error." + category.name().toLowerCase(Locale.ROOT).replace('_', '.');
        String message = tr(key);
        String next = tr(key + ".next");
        if (category == ErrorCategory.RATE_LIMITED && error.retryAfter().isPresent()) {
            long seconds = Math.max(1, (error.retryAfter().get().toMillis() + 999) / 1000);
            next = tr("error.rate.limited.wait", seconds);
        }
        return new ErrorReport(message, next, details(error));
    }

    static String details(MatrixApiException error) {
        StringBuilder details = new StringBuilder();
        if (error.status() > 0) {
            details.append("HTTP ").append(error.status());
        }
        error.errcode().ifPresent(code -> details.append(details.length() > 0 ? " · " : "").append(code));
        error.serverError().ifPresent(text -> details.append(details.length() > 0 ? "\n" : "").append(text));
        if (details.length() == 0) {
            details.append(error.category().name());
        }
        return details.toString();
    }
}
