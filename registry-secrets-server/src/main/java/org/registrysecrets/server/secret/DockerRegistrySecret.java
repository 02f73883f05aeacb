package org.registrysecrets.server.secret;

import java.time.Instant;
import java.util.List;
import org.registrysecrets.api.SecretName;

/** A stored secret's metadata: everything but the Docker config, which stays encrypted. */
public record DockerRegistrySecret(
    SecretName name, Instant createdAt, Instant modifiedAt, List<String> registries, long version) {

  public DockerRegistrySecret {
    registries = List.copyOf(registries);
  }
}
