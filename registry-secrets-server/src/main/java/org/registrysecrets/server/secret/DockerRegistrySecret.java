package org.registrysecrets.server.secret;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.wire.RegistryVerification;

/**
 * A stored secret's metadata: everything but the Docker config, which stays encrypted.
 *
 * @param verification the last check against the registries, if any
 * @param expiry when its credentials expire, if known
 * @param recheck its scheduled re-check, if it has one
 * @param source where its login comes from, if the server renews it
 */
public record DockerRegistrySecret(
    SecretName name,
    Instant createdAt,
    Instant modifiedAt,
    List<String> registries,
    long version,
    @Nullable RegistryVerification verification,
    @Nullable SecretExpiry expiry,
    @Nullable SecretRecheck recheck,
    @Nullable SecretSource source) {

  public DockerRegistrySecret {
    registries = List.copyOf(registries);
  }

  /** A secret whose expiry is not known. */
  public DockerRegistrySecret(
      SecretName name,
      Instant createdAt,
      Instant modifiedAt,
      List<String> registries,
      long version,
      @Nullable RegistryVerification verification) {
    this(name, createdAt, modifiedAt, registries, version, verification, null, null, null);
  }
}
