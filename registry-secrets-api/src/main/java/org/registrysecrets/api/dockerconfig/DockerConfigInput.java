package org.registrysecrets.api.dockerconfig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns what users actually paste or upload into a {@code .dockerconfigjson} value: the whole data
 * object {@code {".dockerconfigjson": "..."}}, a bare {@code {"auths": ...}} object, base64 of
 * either, or a legacy {@code .dockercfg} map without {@code auths}. The UI and the CLI use it; the
 * API itself takes only the exact value.
 */
public final class DockerConfigInput {

  /** The value to send as {@code .dockerconfigjson}, with what was converted on the way. */
  public record Normalized(String dockerConfigJson, List<String> warnings) {
    public Normalized {
      warnings = List.copyOf(warnings);
    }
  }

  private DockerConfigInput() {}

  public static Normalized normalize(String input) {
    String text = input.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("The secret is empty; paste the Docker config JSON.");
    }
    if (!text.startsWith("{")) {
      String decoded = decodeBase64(text);
      if (decoded == null || !decoded.strip().startsWith("{")) {
        throw new InvalidInputException(
            "The secret is neither JSON nor base64 of JSON; paste {\"auths\": {...}} or the data"
                + " object {\".dockerconfigjson\": \"...\"}.");
      }
      text = decoded.strip();
    }
    JsonNode root = DockerConfigParser.readJson(text, "The secret");
    if (!root.isObject()) {
      throw new InvalidInputException("The secret must be a JSON object.");
    }
    JsonNode wrapped = root.get(".dockerconfigjson");
    if (wrapped != null) {
      if (!wrapped.isString()) {
        throw new InvalidInputException("\".dockerconfigjson\" must be a JSON string.");
      }
      return new Normalized(wrapped.stringValue(), List.of());
    }
    if (root.has("auths") || root.has("credsStore") || root.has("credHelpers")) {
      return new Normalized(text, List.of());
    }
    // A legacy .dockercfg is the auths map itself.
    List<String> warnings = new ArrayList<>();
    warnings.add("The secret was a legacy .dockercfg map; it was converted to {\"auths\": ...}.");
    ObjectNode config = DockerConfigParser.STRICT_JSON.createObjectNode();
    config.set("auths", root);
    return new Normalized(DockerConfigParser.STRICT_JSON.writeValueAsString(config), warnings);
  }

  private static @Nullable String decodeBase64(String text) {
    String compact = text.replaceAll("\\s", "");
    for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
      try {
        return new String(decoder.decode(compact), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        // try the next alphabet
      }
    }
    return null;
  }
}
