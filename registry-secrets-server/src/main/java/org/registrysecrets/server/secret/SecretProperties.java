package org.registrysecrets.server.secret;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the secret store.
 *
 * @param maxCount how many secrets one tenant may keep (SAP AI Core allows 50)
 * @param versionsKept how many versions of each secret are kept, the current one included
 * @param expiryWarning how long before its credentials expire a secret counts as {@code expiring}
 * @param minimumRecheck the shortest re-check interval a secret may ask for
 * @param watchInterval how often the replica holding the {@code secret-watch} lease looks for due
 *     expiry notices and re-checks
 * @param recheckConcurrency how many re-checks run at once (one at a time per registry host)
 */
@ConfigurationProperties("regsecrets.secrets")
public record SecretProperties(
    @DefaultValue("50") long maxCount,
    @DefaultValue("10") int versionsKept,
    @DefaultValue("7d") Duration expiryWarning,
    @DefaultValue("5m") Duration minimumRecheck,
    @DefaultValue("1m") Duration watchInterval,
    @DefaultValue("4") int recheckConcurrency) {

  public SecretProperties {
    if (versionsKept < 1) {
      throw new IllegalArgumentException("regsecrets.secrets.versions-kept must be at least 1.");
    }
  }
}
