package org.registrysecrets.server.secret;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.wire.DockerRegistrySecretRecheck;
import org.registrysecrets.api.wire.RegistryCheckResult;
import org.registrysecrets.api.wire.RegistryVerification;

/**
 * A secret's scheduled re-check.
 *
 * @param every how often
 * @param nextAt when the next one is due (jittered)
 * @param state the last re-check's verdict, {@code null} before the first
 */
public record SecretRecheck(Duration every, Instant nextAt, @Nullable String state) {

  /** Every registry accepted the credentials (or needs none). */
  public static final String PASSING = DockerRegistrySecretRecheck.PASSING;

  /** A registry refused the credentials: they were revoked, expired or changed. */
  public static final String FAILING = DockerRegistrySecretRecheck.FAILING;

  /** No registry refused them, but not every one could be asked (unreachable, TLS, protocol). */
  public static final String INCONCLUSIVE = DockerRegistrySecretRecheck.INCONCLUSIVE;

  /** The verdict of a check. */
  static String stateOf(RegistryVerification verification) {
    if (verification.acceptable()) {
      return PASSING;
    }
    return verification.results().stream()
            .anyMatch(r -> RegistryCheckResult.INVALID_CREDENTIALS.equals(r.status()))
        ? FAILING
        : INCONCLUSIVE;
  }
}
