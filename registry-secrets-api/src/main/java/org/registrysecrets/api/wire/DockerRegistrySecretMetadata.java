package org.registrysecrets.api.wire;

import java.time.Instant;
import java.util.List;

/** What anyone allowed to read may see of a secret: never its data. */
public record DockerRegistrySecretMetadata(
    String name, Instant createdAt, Instant modifiedAt, List<String> registries, long version) {

  public DockerRegistrySecretMetadata {
    registries = List.copyOf(registries);
  }
}
