package app.registrar.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A single-sign-on identity linked to an account: the provider's id and the user's id there. */
public record ExternalId(@JsonProperty("auth_provider") String authProvider,
                         @JsonProperty("external_id") String externalId) {
}
