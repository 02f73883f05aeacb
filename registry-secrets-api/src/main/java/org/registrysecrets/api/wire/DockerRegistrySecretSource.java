package org.registrysecrets.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a secret's credentials come from when the server renews them itself (Registry Secrets only;
 * additive in the metadata). Neither the source's credential nor the derived login is ever shown.
 *
 * @param type {@code ecr}, {@code gar}, {@code acr} or {@code github-app}
 * @param expiresAt when the current derived login expires
 * @param renewedAt when the last renewal was tried
 * @param nextRenewalAt when the next renewal is due
 * @param state {@code ok}, or {@code failing} while renewals fail (the last good login stays until
 *     it expires)
 * @param message the provider's answer to the last failed renewal; never a credential
 */
public record DockerRegistrySecretSource(
    String type,
    Instant expiresAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant renewedAt,
    Instant nextRenewalAt,
    String state,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String message) {

  public static final String OK = "ok";
  public static final String FAILING = "failing";
}
