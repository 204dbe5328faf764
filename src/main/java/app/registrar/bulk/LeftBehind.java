package app.registrar.bulk;

/**
 * What a bulk deactivation removes from each account first, for spam and abuse: every message it sent (Synapse's
 * redact task) and the media it uploaded. Both run before the account is deactivated, as the redactions are sent as
 * the account, which must still be in its rooms.
 */
public record LeftBehind(boolean redactMessages, boolean deleteMedia) {

    public static final LeftBehind NOTHING = new LeftBehind(false, false);

    public boolean any() {
        return redactMessages || deleteMedia;
    }
}
