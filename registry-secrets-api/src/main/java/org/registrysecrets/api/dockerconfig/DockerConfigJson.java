package org.registrysecrets.api.dockerconfig;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A validated, normalised Docker config ({@code {"auths": {...}}}) in plain text. It holds
 * credentials, so {@link #toString()} never prints them; only {@link #json()} does, for the cipher.
 */
public final class DockerConfigJson {

  private final String json;
  private final List<String> registries;

  DockerConfigJson(String json, List<String> registries) {
    this.json = json;
    this.registries = List.copyOf(registries);
  }

  /**
   * Restores a config this system validated and stored before; use {@link DockerConfigParser} for
   * anything a user sent.
   */
  public static DockerConfigJson fromTrustedJson(String json) {
    return DockerConfigParser.parse(json).config();
  }

  /** The normalised JSON, as a kubelet reads it. Never log or return it. */
  public String json() {
    return json;
  }

  /** The JSON as UTF-8 bytes, for encryption. */
  public byte[] utf8() {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** The registry hosts ({@code host[:port]}) of the {@code auths} entries, in order. */
  public List<String> registries() {
    return registries;
  }

  @Override
  public String toString() {
    return "DockerConfigJson[registries=" + registries + ", json=****]";
  }
}
