package app.registrar.ui.welcome;

import app.registrar.ui.common.NewPasswordViewModel;

/**
 * Keeps the password Registrar generated for the account just created or reset, in memory, for that account's
 * welcome message only: the first welcome message for the account takes it, and it is gone after that.
 */
public final class PendingWelcome {

    private String userId;
    private String password;

    /** Remembers a generated password for {@code userId}, replacing any earlier one. */
    public synchronized void offer(String userId, String generatedPassword) {
        this.userId = generatedPassword == null ? null : userId;
        this.password = generatedPassword;
    }

    /** The generated password for {@code userId}, once; null when there is none (or it was taken). */
    public synchronized String take(String userId) {
        if (password == null || !userId.equals(this.userId)) {
            return null;
        }
        String taken = password;
        password = null;
        this.userId = null;
        return taken;
    }

    /**
     * Follows a password field until its dialog saved: the dialogs clear the field before reporting success, so
     * this keeps the last password and the last generated one, and says whether the saved one was generated.
     */
    public static final class Watch {
        private String lastPassword;
        private String lastGenerated;

        public Watch follow(NewPasswordViewModel field) {
            field.passwordProperty().addListener((obs, old, now) -> {
                if (now != null && !now.isEmpty()) {
                    lastPassword = now;
                }
            });
            field.generatedProperty().addListener((obs, old, now) -> {
                if (now != null && !now.isEmpty()) {
                    lastGenerated = now;
                }
            });
            return this;
        }

        /** The password that was saved, if Registrar generated it; null when the admin typed their own. */
        public String generatedPasswordUsed() {
            String used = lastPassword != null && lastPassword.equals(lastGenerated) ? lastPassword : null;
            lastPassword = null;
            lastGenerated = null;
            return used;
        }
    }
}
