package org.registrysecrets.server.registry;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.dockerconfig.RegistryCredential;
import org.registrysecrets.api.json.JsonMappers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Expiry dates that credentials carry themselves: a password that is a JWT (GitLab, Harbor, ACR
 * refresh tokens, many CI tokens) has {@code exp}; an Amazon ECR password is base64 of a JSON
 * document with {@code expiration}. Read without verifying anything — the date only warns, it
 * grants nothing — and never logged.
 */
public final class LearnedExpiry {

  /** Where an expiry came from. */
  public static final String JWT = "jwt";

  public static final String ECR = "ecr";

  private static final JsonMapper JSON = JsonMappers.builder().build();
  private static final int MAX_TOKEN = 16 * 1024;

  private LearnedExpiry() {}

  /** An expiry and where it was learned. */
  public record Learned(Instant expiresAt, String source) {}

  /**
   * The expiry each registry entry's password carries, by the entry's key; entries without none.
   */
  public static Map<String, Learned> of(DockerConfigJson config) {
    Map<String, Learned> learned = new LinkedHashMap<>();
    for (RegistryCredential credential : config.credentials()) {
      Learned expiry = credential.password() == null ? null : learn(credential);
      if (expiry != null) {
        learned.put(credential.registry(), expiry);
      }
    }
    return learned;
  }

  private static @Nullable Learned learn(RegistryCredential credential) {
    // Bytes only: the password never becomes a String here.
    byte[] password = Objects.requireNonNull(credential.password()).utf8();
    if (password.length == 0 || password.length > MAX_TOKEN) {
      return null;
    }
    Instant jwt = jwtExpiry(password);
    if (jwt != null) {
      return new Learned(jwt, JWT);
    }
    Instant ecr = ecrExpiry(password);
    return ecr == null ? null : new Learned(ecr, ECR);
  }

  private static @Nullable Instant jwtExpiry(byte[] token) {
    int first = indexOf(token, 0);
    int second = first < 0 ? -1 : indexOf(token, first + 1);
    if (second < 0 || indexOf(token, second + 1) >= 0) {
      return null;
    }
    JsonNode header = json(decode(Arrays.copyOfRange(token, 0, first), true));
    JsonNode payload = json(decode(Arrays.copyOfRange(token, first + 1, second), true));
    if (header == null || payload == null || !header.has("alg")) {
      return null;
    }
    return seconds(payload.get("exp"));
  }

  private static @Nullable Instant ecrExpiry(byte[] token) {
    JsonNode document = json(decode(token, false));
    return document == null ? null : seconds(document.get("expiration"));
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '.') {
        return i;
      }
    }
    return -1;
  }

  private static @Nullable Instant seconds(@Nullable JsonNode value) {
    if (value == null || !value.isNumber()) {
      return null;
    }
    long epoch = value.asLong();
    return epoch > 0 && epoch < 253402300800L ? Instant.ofEpochSecond(epoch) : null;
  }

  private static byte @Nullable [] decode(byte[] text, boolean url) {
    try {
      return (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable JsonNode json(byte @Nullable [] bytes) {
    if (bytes == null || bytes.length == 0 || bytes[0] != '{') {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(bytes);
      return node != null && node.isObject() ? node : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
