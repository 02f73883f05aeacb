package org.registrysecrets.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.registrysecrets.api.wire.ServiceKey;
import tools.jackson.databind.node.ObjectNode;

/** Small factories for test inputs. */
public final class TestData {

  private TestData() {}

  public static Path newDataDir(String prefix) {
    try {
      return Files.createTempDirectory("regsecrets-" + prefix + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ServiceKey bootstrapKey(Path dataDir) {
    try {
      return ApiClient.JSON.readValue(
          Files.readAllBytes(dataDir.resolve("service-key.json")), ServiceKey.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A unique valid secret name. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A {@code .dockerconfigjson} value with one registry and {@code auth}. */
  public static String dockerConfig(String registry, String user, String password) {
    String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    return "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + auth + "\"}}}";
  }

  /** The POST body for {@code name} with {@code dockerConfigJson} as the string value. */
  public static String createBody(String name, String dockerConfigJson) {
    ObjectNode body = ApiClient.JSON.createObjectNode();
    body.put("name", name);
    body.putObject("data").put(".dockerconfigjson", dockerConfigJson);
    return body.toString();
  }

  /** The PATCH body with {@code dockerConfigJson} as the string value. */
  public static String patchBody(String dockerConfigJson) {
    ObjectNode body = ApiClient.JSON.createObjectNode();
    body.putObject("data").put(".dockerconfigjson", dockerConfigJson);
    return body.toString();
  }
}
