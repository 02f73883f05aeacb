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
 */
public record DockerRegistrySecret(
    SecretName name,
    Instant createdAt,
    Instant modifiedAt,
    List<String> registries,
    long version,
    @Nullable RegistryVerification verification) {

  public DockerRegistrySecret {
    registries = List.copyOf(registries);
  }
}
