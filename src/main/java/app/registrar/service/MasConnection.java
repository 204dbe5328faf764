package app.registrar.service;

import app.registrar.api.AuthMetadata;
import app.registrar.api.HttpTransport;
import app.registrar.api.MasAdminApi;
import app.registrar.api.MasSiteConfig;
import app.registrar.api.OAuthSession;

/**
 * The Matrix Authentication Service side of a signed-in session: MAS's admin API with the session's renewing token,
 * MAS's rules, and whether the token also opens Synapse's admin API (a browser sign-in does; a client's ID and
 * secret give MAS's admin API only, so Synapse-only tasks — profile, avatar, rooms — are not available then).
 */
public record MasConnection(AuthMetadata metadata, OAuthSession oauth, MasAdminApi admin, MasSiteConfig site,
                            boolean synapseAdmin, HttpTransport transport) {
}
