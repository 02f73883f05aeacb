package org.registrysecrets.api.dockerconfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.json.JsonMappers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A validated, normalised Docker config ({@code {"auths": {...}}}) in plain text, with the
 * credential of each entry as the parser read it. It holds credentials, so {@link #toString()}
 * never prints them, and its content leaves only as bytes: for the cipher, for a Kubernetes Secret.
 */
public final class DockerConfigJson {

  private static final JsonMapper JSON = JsonMappers.builder().build();

  private final byte[] utf8;
  private final List<String> registries;
  private final List<RegistryCredential> credentials;

  DockerConfigJson(String json, List<String> registries, List<RegistryCredential> credentials) {
    this.utf8 = json.getBytes(StandardCharsets.UTF_8);
    this.registries = List.copyOf(registries);
    this.credentials = List.copyOf(credentials);
  }

  /**
   * Restores a config this system validated and stored before; use {@link DockerConfigParser} for
   * anything a user sent.
   */
  public static DockerConfigJson fromTrustedUtf8(byte[] utf8) {
    return DockerConfigParser.parse(new String(utf8, StandardCharsets.UTF_8)).config();
  }

  /** A registry login a server obtained itself, e.g. a token exchanged for a cloud credential. */
  public record Login(String registry, String username, Plaintext password) {}

  /**
   * The config of logins this system obtained (never user input): one {@code auths} entry each,
   * with {@code username}, {@code password} and {@code auth}, validated like any stored config.
   */
  public static DockerConfigJson ofLogins(List<Login> logins) {
    ObjectNode auths = JSON.createObjectNode();
    for (Login login : logins) {
      auths
          .putObject(login.registry())
          .put("username", login.username())
          .put("password", login.password().reveal());
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("auths", auths);
    return DockerConfigParser.parse(JSON.writeValueAsString(root)).config();
  }

  /** The normalised JSON as UTF-8 bytes, as a kubelet reads it: for encryption and clusters. */
  public byte[] utf8() {
    return utf8.clone();
  }

  /** The registry hosts ({@code host[:port]}) of the {@code auths} entries, in order. */
  public List<String> registries() {
    return registries;
  }

  /** The credential of each {@code auths} entry, in order. */
  public List<RegistryCredential> credentials() {
    return credentials;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DockerConfigJson that && MessageDigest.isEqual(utf8, that.utf8);
  }

  @Override
  public int hashCode() {
    return registries.hashCode();
  }

  @Override
  public String toString() {
    return "DockerConfigJson[registries=" + registries + ", json=****]";
  }
}
