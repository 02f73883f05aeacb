package org.registrysecrets.api.dockerconfig;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.json.JsonMappers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates a {@code .dockerconfigjson} value against the rules of DESIGN.md and normalises it.
 *
 * <p>Messages name the registry entry and the problem, never a value: the input holds credentials.
 */
public final class DockerConfigParser {

  /** The largest {@code .dockerconfigjson} accepted, in UTF-8 bytes. */
  public static final int MAX_BYTES = 32 * 1024;

  /**
   * How many registry entries one secret may hold: far more than a workload pulls from, few enough
   * that every check of them fits the registry check's time limit.
   */
  public static final int MAX_REGISTRIES = 100;

  static final JsonMapper STRICT_JSON =
      JsonMappers.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final Set<String> CREDENTIAL_FIELDS =
      Set.of("auth", "username", "password", "email", "identitytoken", "registrytoken");

  private DockerConfigParser() {}

  /**
   * Parses and validates {@code value}.
   *
   * @throws InvalidInputException naming the entry and the problem
   */
  public static ParsedDockerConfig parse(String value) {
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw invalid("is larger than " + MAX_BYTES / 1024 + " KiB");
    }
    JsonNode root = readJson(value, ".dockerconfigjson");
    if (!root.isObject()) {
      throw invalid("must be a JSON object like {\"auths\": {\"<registry>\": {...}}}");
    }
    List<String> warnings = new ArrayList<>();
    for (String field : List.of("credsStore", "credHelpers")) {
      if (root.has(field)) {
        throw invalid(
            "uses \""
                + field
                + "\", which a kubelet cannot use; put the credentials into \"auths\" instead");
      }
    }
    JsonNode auths = root.get("auths");
    if (auths == null) {
      throw invalid("has no \"auths\" object; expected {\"auths\": {\"<registry>\": {...}}}");
    }
    if (!auths.isObject() || auths.isEmpty()) {
      throw invalid("must have a non-empty \"auths\" object with at least one registry");
    }
    for (String field : root.propertyNames()) {
      if (!field.equals("auths")) {
        warnings.add(
            "The top-level field \""
                + RegistryKey.printable(field)
                + "\" was dropped: only \"auths\" is used.");
      }
    }

    Map<String, NormalizedEntry> entries = new LinkedHashMap<>();
    Map<String, String> keyByNormalized = new LinkedHashMap<>();
    Map<String, String> hostByKey = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : auths.properties()) {
      RegistryKey key = RegistryKey.parse(property.getKey());
      NormalizedEntry entry = normalizeEntry(key, property.getValue(), warnings);
      if (key.isDockerHubAlias()) {
        warnings.add(
            "The registry \""
                + RegistryKey.printable(key.key())
                + "\" is Docker Hub; it is stored under its canonical key \""
                + RegistryKey.DOCKER_HUB
                + "\".");
      }
      if (key.plainHttp()) {
        warnings.add(
            "The registry \""
                + RegistryKey.printable(key.key())
                + "\" uses plain http://: credentials would travel unencrypted.");
      }
      String earlier = keyByNormalized.put(key.normalized(), key.key());
      if (earlier != null) {
        entries.remove(storedKey(earlier));
        hostByKey.remove(storedKey(earlier));
        warnings.add(
            "The registries \""
                + RegistryKey.printable(earlier)
                + "\" and \""
                + RegistryKey.printable(key.key())
                + "\" are the same registry; only the later entry was kept.");
      }
      entries.put(key.storedKey(), entry);
      hostByKey.put(key.storedKey(), key.host());
    }

    if (entries.size() > MAX_REGISTRIES) {
      throw invalid(
          "has "
              + entries.size()
              + " registry entries; a secret holds at most "
              + MAX_REGISTRIES
              + " (split them over several secrets)");
    }
    ObjectNode normalizedAuths = STRICT_JSON.createObjectNode();
    List<RegistryCredential> credentials = new ArrayList<>();
    entries.forEach(
        (storedKey, entry) -> {
          normalizedAuths.set(storedKey, entry.json());
          credentials.add(new RegistryCredential(storedKey, entry.username(), entry.password()));
        });
    ObjectNode normalized = STRICT_JSON.createObjectNode();
    normalized.set("auths", normalizedAuths);
    List<String> registries = List.copyOf(new java.util.LinkedHashSet<>(hostByKey.values()));
    return new ParsedDockerConfig(
        new DockerConfigJson(STRICT_JSON.writeValueAsString(normalized), registries, credentials),
        warnings);
  }

  private static String storedKey(String key) {
    return RegistryKey.parse(key).storedKey();
  }

  /** An {@code auths} entry as stored, and the user name and password a kubelet would use. */
  private record NormalizedEntry(
      ObjectNode json, @Nullable String username, @Nullable Plaintext password) {}

  private static NormalizedEntry normalizeEntry(
      RegistryKey key, JsonNode value, List<String> warnings) {
    String registry = "The registry \"" + RegistryKey.printable(key.key()) + "\"";
    if (!value.isObject()) {
      throw new InvalidInputException(
          registry
              + " in auths is not an object; expected {\"auth\": \"<base64 of user:password>\"}.");
    }
    ObjectNode entry = STRICT_JSON.createObjectNode();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String name = field.getKey();
      if (!CREDENTIAL_FIELDS.contains(name)) {
        warnings.add(registry + ": the field \"" + RegistryKey.printable(name) + "\" was dropped.");
        continue;
      }
      if (!field.getValue().isString()) {
        throw new InvalidInputException(registry + ": \"" + name + "\" must be a string.");
      }
      if (!field.getValue().stringValue().isEmpty()) {
        entry.put(name, field.getValue().stringValue());
      }
    }

    String auth = text(entry, "auth");
    String username = text(entry, "username");
    String password = text(entry, "password");
    UserPassword fromAuth = null;
    if (auth != null) {
      fromAuth = decodeAuth(auth, registry);
    }
    if ((username == null) != (password == null) && fromAuth == null) {
      throw new InvalidInputException(
          registry
              + " has \""
              + (username == null ? "password" : "username")
              + "\" without \""
              + (username == null ? "username" : "password")
              + "\"; give both, or \"auth\".");
    }
    if (fromAuth == null && username == null) {
      if (entry.has("identitytoken") || entry.has("registrytoken")) {
        warnings.add(
            registry
                + " has only an identity or registry token, which a kubelet ignores: pulls will be"
                + " anonymous.");
        return new NormalizedEntry(entry, null, null);
      }
      throw new InvalidInputException(
          registry
              + " has no usable credential; give \"auth\" (base64 of user:password) or"
              + " \"username\" and \"password\".");
    }
    if (fromAuth != null
        && username != null
        && password != null
        && !(fromAuth.user().equals(username) && fromAuth.password().equals(password))) {
      warnings.add(
          registry
              + ": \"auth\" and \"username\"/\"password\" disagree; \"auth\" is what is used.");
    }
    if (username != null && username.indexOf(':') >= 0) {
      throw new InvalidInputException(registry + ": \"username\" must not contain ':'.");
    }
    String effectivePassword = fromAuth != null ? fromAuth.password() : password;
    if (effectivePassword != null && !effectivePassword.equals(effectivePassword.strip())) {
      warnings.add(
          registry
              + ": the password starts or ends with whitespace or a line break; check that it was"
              + " copied exactly.");
    }
    if (fromAuth == null && username != null && password != null) {
      entry.put(
          "auth",
          Base64.getEncoder()
              .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return fromAuth != null
        ? new NormalizedEntry(entry, fromAuth.user(), Plaintext.of(fromAuth.password()))
        : new NormalizedEntry(entry, username, password == null ? null : Plaintext.of(password));
  }

  private record UserPassword(String user, String password) {}

  private static UserPassword decodeAuth(String auth, String registry) {
    String problem = registry + ": \"auth\" is not standard base64 of user:password";
    if (auth.length() % 4 != 0) {
      throw new InvalidInputException(problem + " (its length is not a multiple of 4).");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(auth);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(problem + " (it has characters outside base64).");
    }
    if (!Base64.getEncoder().encodeToString(bytes).equals(auth)) {
      throw new InvalidInputException(problem + " (it is not in canonical form).");
    }
    String decoded;
    try {
      decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(problem + " (it does not decode to UTF-8 text).");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new InvalidInputException(problem + " (the decoded value has no ':').");
    }
    if (colon == 0) {
      throw new InvalidInputException(problem + " (the user name is empty).");
    }
    return new UserPassword(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  private static @Nullable String text(ObjectNode entry, String field) {
    JsonNode node = entry.get(field);
    return node == null ? null : node.stringValue();
  }

  /** Reads JSON without ever quoting the input back: Jackson's messages may contain its text. */
  static JsonNode readJson(String value, String what) {
    try {
      return STRICT_JSON.readTree(value);
    } catch (JacksonException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      String kind =
          e.getMessage() != null && e.getMessage().startsWith("Duplicate")
              ? " has a duplicate field"
              : " is not valid JSON";
      throw new InvalidInputException(what + kind + where + ".");
    }
  }

  private static InvalidInputException invalid(String problem) {
    return new InvalidInputException("The .dockerconfigjson " + problem + ".");
  }
}
