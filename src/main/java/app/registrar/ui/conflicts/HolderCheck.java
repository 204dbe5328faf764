package app.registrar.ui.conflicts;

import app.registrar.api.ExternalId;
import app.registrar.service.SecurityService;
import java.util.function.Consumer;

/**
 * Finds out whether another account already holds an email address or a single-sign-on identity before it is
 * added to an account. Synapse's admin API does not refuse an email another account has: it silently moves it
 * ({@code user_add_threepid} is an upsert on the address); an SSO identity is refused only with a bare 409. So the
 * editor asks first and names the holder.
 */
public final class HolderCheck {

    /** Another account holds it: its user ID. */
    public record Conflict(String holderUserId) { }

    private final SecurityService service;

    public HolderCheck(SecurityService service) {
        this.service = service;
    }

    /**
     * Calls {@code onConflict} with the account holding {@code address} when that is not {@code accountUserId};
     * {@code onDone} runs in every case (also when the look-up failed: the save then proceeds as before).
     */
    public void email(String address, String accountUserId, Consumer<Conflict> onConflict, Runnable onDone) {
        service.whoHasEmail(address)
                .onSuccess(holder -> holder.filter(h -> !h.equals(accountUserId)).ifPresent(h -> onConflict.accept(new Conflict(h))))
                .andFinally(onDone)
                .start();
    }

    /** The same for a single-sign-on identity. */
    public void externalId(ExternalId id, String accountUserId, Consumer<Conflict> onConflict, Runnable onDone) {
        service.whoHasExternalId(id.authProvider(), id.externalId())
                .onSuccess(holder -> holder.filter(h -> !h.equals(accountUserId)).ifPresent(h -> onConflict.accept(new Conflict(h))))
                .andFinally(onDone)
                .start();
    }
}
