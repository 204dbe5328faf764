package app.registrar.store;

/**
 * What a server lets Registrar do, so screens can leave out what would only fail.
 *
 * @param accountsInMas        Matrix Authentication Service owns accounts, passwords, emails and sessions
 * @param synapseAdmin         Synapse's admin API is open to this session (profiles, avatars, rooms, devices,
 *                             shadow-ban, suspension); false for a MAS client signed in with ID and secret
 * @param eraseOnDeactivate    how deactivation treats erasure: always optional on both kinds of server today
 * @param minimumPasswordScore MAS's zxcvbn score a new password must reach (0–4), or -1 when Synapse's own
 *                             published policy applies
 * @param passwordsInMas       MAS keeps passwords (password sign-in is on there), so an admin can set them
 */
public record Capabilities(boolean accountsInMas, boolean synapseAdmin, boolean eraseOnDeactivate, int minimumPasswordScore,
                           boolean passwordsInMas) {

    public static Capabilities synapse() {
        return new Capabilities(false, true, true, -1, false);
    }
}
