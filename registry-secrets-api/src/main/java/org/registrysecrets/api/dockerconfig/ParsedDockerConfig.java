package org.registrysecrets.api.dockerconfig;

import java.util.List;

/** A config that passed validation, with what the user should know about it. */
public record ParsedDockerConfig(DockerConfigJson config, List<String> warnings) {

  public ParsedDockerConfig {
    warnings = List.copyOf(warnings);
  }
}
