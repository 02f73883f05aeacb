package org.registrysecrets.cli;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;

/**
 * The {@code kubernetes.io/dockerconfigjson} Secret a workload pulls with, as kubectl writes it.
 */
final class KubernetesManifest {

  private KubernetesManifest() {}

  static Map<String, Object> secret(String name, DockerConfigJson config) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("apiVersion", "v1");
    manifest.put("kind", "Secret");
    manifest.put("metadata", Map.of("name", name));
    manifest.put("type", "kubernetes.io/dockerconfigjson");
    manifest.put(
        "data", Map.of(".dockerconfigjson", Base64.getEncoder().encodeToString(config.utf8())));
    return manifest;
  }
}
