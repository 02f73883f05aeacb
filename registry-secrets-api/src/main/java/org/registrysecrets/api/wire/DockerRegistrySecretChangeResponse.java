package org.registrysecrets.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Body of the 202 that answers create, modify and delete, with any warnings about the input. */
public record DockerRegistrySecretChangeResponse(
    String id, String message, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

  public static final String CREATED = "Secret has been created";
  public static final String MODIFIED = "Secret has been modified";
  public static final String DELETED = "Docker Registry Secret has been deleted";
  public static final String RESTORED = "Secret has been restored";

  public DockerRegistrySecretChangeResponse {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
