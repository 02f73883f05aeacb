package org.registrysecrets.api.wire;

import java.time.Instant;
import java.util.List;

/** The last check of a secret's credentials against its registries. */
public record RegistryVerification(Instant checkedAt, List<RegistryCheckResult> results) {

  public RegistryVerification {
    results = List.copyOf(results);
  }

  public boolean acceptable() {
    return results.stream().allMatch(RegistryCheckResult::acceptable);
  }
}
