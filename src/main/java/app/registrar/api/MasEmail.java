package app.registrar.api;

import java.time.Instant;

/** An email address MAS keeps for an account; removing it needs its {@code id}. */
public record MasEmail(String id, String userId, String email, Instant createdAt) {
}
