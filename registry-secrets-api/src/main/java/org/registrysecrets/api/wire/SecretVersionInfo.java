package org.registrysecrets.api.wire;

import java.time.Instant;
import java.util.List;

/**
 * One kept version of a secret, as {@code GET .../{name}/versions} lists it: never its content.
 *
 * @param actor who made it (a person's user name or a service key's client id)
 * @param fingerprint a keyed fingerprint of the content: equal credentials, equal fingerprint
 * @param current whether it is the secret's present content
 */
public record SecretVersionInfo(
    long version,
    Instant createdAt,
    String actor,
    String origin,
    List<String> registries,
    String fingerprint,
    boolean current) {

  public SecretVersionInfo {
    registries = List.copyOf(registries);
  }
}
