package org.registrysecrets.api.wire;

import java.util.List;

/** Body of {@code GET /v2/admin/dockerRegistrySecrets/{name}/versions}, newest first. */
public record SecretVersionList(long count, List<SecretVersionInfo> resources) {

  public SecretVersionList {
    resources = List.copyOf(resources);
  }
}
