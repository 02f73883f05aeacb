package org.registrysecrets.server.secret;

import org.registrysecrets.api.SecretName;

/** Published after a secret was created, modified or deleted; consumers read the current state. */
public record DockerRegistrySecretChanged(String tenant, SecretName name, Action action) {

  /** What happened to the secret. */
  public enum Action {
    CREATED,
    MODIFIED,
    DELETED
  }
}
