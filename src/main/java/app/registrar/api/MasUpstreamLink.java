package app.registrar.api;

/**
 * A link between a MAS account and an identity at an upstream single sign-on provider (MAS's "upstream OAuth
 * link"): the provider's ID, the person's {@code subject} there, and a readable account name when known.
 */
public record MasUpstreamLink(String id, String providerId, String subject, String userId, String humanAccountName) {
}
