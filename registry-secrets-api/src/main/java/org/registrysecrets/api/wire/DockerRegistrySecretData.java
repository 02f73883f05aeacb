package org.registrysecrets.api.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** The {@code data} object of a request: the Docker config as a JSON string. Write-only. */
public record DockerRegistrySecretData(
    @JsonProperty(".dockerconfigjson") @Nullable String dockerConfigJson) {

  @Override
  public String toString() {
    return "DockerRegistrySecretData[.dockerconfigjson=****]";
  }
}
