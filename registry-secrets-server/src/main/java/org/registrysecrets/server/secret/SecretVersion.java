package org.registrysecrets.server.secret;

import java.time.Instant;
import java.util.List;

/**
 * One kept version of a secret, as anyone with the read scope may see it: never its content.
 *
 * @param fingerprint a keyed fingerprint of the content: equal for equal credentials of a tenant
 */
public record SecretVersion(
    long version,
    Instant createdAt,
    String actor,
    String origin,
    List<String> registries,
    String fingerprint) {

  public SecretVersion {
    registries = List.copyOf(registries);
  }
}
