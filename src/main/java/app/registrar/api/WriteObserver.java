package app.registrar.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Sees every signed-in change request of a {@link HttpTransport} before it leaves the machine and learns how it
 * ended. This is the audit trail's seam: it sits below every service and view model, so a write path added anywhere
 * above is recorded without anyone having to remember it.
 */
public interface WriteObserver {

    /**
     * Called before the request is sent; throwing stops it from being sent.
     *
     * @param method   the HTTP method (never GET)
     * @param path     the decoded path segments, e.g. {@code [_synapse, admin, v2, users, @a:x]}
     * @param body     the JSON body (may hold a password: read field names and flags only), or null
     * @param intent   what the API method meant when the path alone cannot say (see {@link WriteIntent}), or null
     */
    Pending beforeSend(String method, List<String> path, JsonNode body, String intent);

    /** How one observed request ended. */
    interface Pending {
        /** The server answered 2xx. */
        void done();

        /** The server answered and refused, or the request never left the machine. */
        void failed(MatrixApiException error);

        /** The request may have reached the server but no answer came (timeout, cut connection, cancelled). */
        void unconfirmed(MatrixApiException error);
    }

    /** Observes nothing. */
    WriteObserver NONE = (method, path, body, intent) -> null;
}
