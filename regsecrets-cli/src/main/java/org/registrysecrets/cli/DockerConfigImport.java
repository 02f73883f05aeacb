package org.registrysecrets.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.dockerconfig.RegistryKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes registries out of a Docker client config ({@code ~/.docker/config.json}). Entries whose
 * credentials live only in a credential store or helper cannot go to a kubelet, so they are named
 * and refused with a hint.
 */
final class DockerConfigImport {

  private static final Set<String> CREDENTIALS =
      Set.of("auth", "username", "password", "identitytoken", "registrytoken");

  private DockerConfigImport() {}

  static String fromFile(Path file, List<String> wanted) {
    JsonNode config;
    try {
      config = DockerConfigOptions.readJson(file);
    } catch (JacksonException e) {
      throw new InvalidInputException(file + " is not valid JSON.");
    }
    JsonNode auths = config.path("auths");
    Set<String> normalizedWanted = new LinkedHashSet<>();
    for (String host : wanted) {
      normalizedWanted.add(RegistryKey.parse(host).normalized());
    }
    Set<String> helperRegistries = new LinkedHashSet<>(config.path("credHelpers").propertyNames());
    boolean store = config.path("credsStore").isString();

    ObjectNode imported = Output.JSON.createObjectNode();
    List<String> helperOnly = new ArrayList<>();
    Set<String> found = new LinkedHashSet<>();
    Set<String> candidates = new LinkedHashSet<>(auths.propertyNames());
    candidates.addAll(helperRegistries);
    for (String key : candidates) {
      String normalized = RegistryKey.parse(key).normalized();
      if (!normalizedWanted.isEmpty() && !normalizedWanted.contains(normalized)) {
        continue;
      }
      found.add(normalized);
      JsonNode entry = auths.path(key);
      if (entry.isObject() && hasCredential(entry)) {
        ObjectNode copy = imported.putObject(key);
        for (Map.Entry<String, JsonNode> field : entry.properties()) {
          copy.set(field.getKey(), field.getValue());
        }
      } else if (!imported.has(key)) {
        helperOnly.add(key);
      }
    }
    for (String host : normalizedWanted) {
      if (!found.contains(host)) {
        throw new InvalidInputException(file + " has no entry for the registry " + host + ".");
      }
    }
    if (!helperOnly.isEmpty()) {
      String keeper =
          store
              ? "the credential store \"" + config.path("credsStore").asString() + "\""
              : "a credential helper";
      throw new InvalidInputException(
          "The credentials for "
              + String.join(", ", helperOnly)
              + " are kept only in "
              + keeper
              + ", which a kubelet cannot use. Pick other registries with --registry, or give"
              + " the credentials with --docker-server, --docker-username and"
              + " --docker-password-stdin.");
    }
    if (imported.isEmpty()) {
      throw new InvalidInputException(file + " has no registry with credentials in \"auths\".");
    }
    ObjectNode result = Output.JSON.createObjectNode();
    result.set("auths", imported);
    return result.toString();
  }

  private static boolean hasCredential(JsonNode entry) {
    for (String field : CREDENTIALS) {
      if (entry.path(field).isString() && !entry.path(field).asString().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
