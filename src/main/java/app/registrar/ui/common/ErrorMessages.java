package app.registrar.ui.common;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.api.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

/** Turns a homeserver failure into a plain sentence with a next step; the raw errcode goes to the details only. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static ErrorReport describe(MatrixApiException error) {
        ErrorCategory category = error.category();
        String key = "error." + category.name().toLowerCase(Locale.ROOT).replace('_', '.');
        String message;
        if (category.isLocal()) {
            String file = error.file().map(name -> tr("error.file.named", name)).orElse(tr("error.file.unnamed"));
            message = tr(key, file);
        } else {
            message = tr(key);
        }
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
        if (error.category() == ErrorCategory.INTERNAL_ERROR && error.getCause() != null) {
            // A bug: the stack trace is what a report needs (scrubbed of anything secret).
            StringWriter trace = new StringWriter();
            error.getCause().printStackTrace(new PrintWriter(trace));
            details.append(details.length() > 0 ? "\n" : "").append(Redactor.scrub(trace.toString()));
        }
        if (details.length() == 0) {
            details.append(error.category().name());
        }
        return details.toString();
    }
}
