package org.registrysecrets.api.wire;

import java.util.List;

/** Body of the list call: {@code count} is the total with {@code $count=true}. */
public record DockerRegistrySecretList(long count, List<DockerRegistrySecretMetadata> resources) {

  public DockerRegistrySecretList {
    resources = List.copyOf(resources);
  }
}
