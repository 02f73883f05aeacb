package org.registrysecrets.server.secret;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a secret's login comes from when the server renews it: the source's type and the state of
 * its renewals; never the source's credential.
 *
 * @param expiresAt when the current derived login expires
 * @param renewedAt when a renewal was last tried
 * @param renewAt when the next renewal is due
 * @param state {@code ok} or {@code failing}
 * @param message the provider's answer to the last failed renewal
 */
public record SecretSource(
    String type,
    Instant expiresAt,
    @Nullable Instant renewedAt,
    Instant renewAt,
    String state,
    @Nullable String message) {

  public static final String OK = "ok";
  public static final String FAILING = "failing";
}
