package org.registrysecrets.server.secret;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a tenant's secrets, ordered by name; {@code total} when it was asked for. */
public record DockerRegistrySecretPage(List<DockerRegistrySecret> secrets, @Nullable Long total) {

  public DockerRegistrySecretPage {
    secrets = List.copyOf(secrets);
  }
}
