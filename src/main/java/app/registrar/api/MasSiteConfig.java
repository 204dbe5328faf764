package app.registrar.api;

/**
 * What MAS says about its own rules. {@code minimumPasswordComplexity} is zxcvbn's score (0 anything, 4 very
 * strong) that MAS requires for a new password; MAS checks it itself, Registrar shows it beforehand.
 * {@code passwordRegistrationEnabled}: people can sign up on MAS's own pages (where an invite token is entered).
 */
public record MasSiteConfig(String serverName, boolean passwordLoginEnabled, boolean passwordChangeAllowed,
                            boolean emailChangeAllowed, boolean accountDeactivationAllowed, int minimumPasswordComplexity,
                            boolean passwordRegistrationEnabled) {
}
