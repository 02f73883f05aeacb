package org.registrysecrets.server.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.json.JsonMappers;
import org.registrysecrets.api.wire.CredentialSourceRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the {@code source} of a request into a {@link CredentialSource}, refusing what cannot work
 * with a message that names the field, and a source into the JSON that is sealed for storage and
 * back. Every pattern here is anchored and free of nested repetition, so checks run in linear time.
 */
public final class CredentialSources {

  private static final JsonMapper JSON = JsonMappers.builder().build();
  private static final int MAX_SECRET = 10 * 1024;
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]{1,16}){1,3}-[0-9]{1,2}");
  private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws[a-z-]{0,16}:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}");
  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
  private static final Pattern HOST =
      Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:[0-9]{1,5})?");
  private static final Pattern ENTRA_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,99}");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,20}");
  private static final String GHCR = "ghcr.io";

  /** The fields each type takes; any other field given is refused. */
  private static final Map<String, List<String>> FIELDS =
      Map.of(
          CredentialSourceRequest.ECR,
          List.of("region", "accessKeyId", "secretAccessKey", "roleArn", "registryIds"),
          CredentialSourceRequest.GAR,
          List.of("serviceAccountKey", "registries"),
          CredentialSourceRequest.ACR,
          List.of("tenantId", "clientId", "clientSecret", "registries"),
          CredentialSourceRequest.GITHUB_APP,
          List.of("appId", "installationId", "privateKey", "registries"));

  private final List<String> acrSuffixes;

  /**
   * @param acrSuffixes the host suffixes an ACR registry may have ({@code .azurecr.io}, ...): the
   *     token exchange goes to the registry itself, so no other host is ever contacted
   */
  public CredentialSources(List<String> acrSuffixes) {
    this.acrSuffixes = List.copyOf(acrSuffixes);
  }

  /**
   * @throws InvalidInputException naming the field that is missing, malformed or foreign to the
   *     type
   */
  public CredentialSource parse(CredentialSourceRequest request) {
    String type = request.type();
    if (type == null || !FIELDS.containsKey(type)) {
      throw new InvalidInputException(
          "source.type must be one of " + String.join(", ", CredentialSourceRequest.TYPES) + ".");
    }
    Map<String, @Nullable Object> given = fields(request);
    for (Map.Entry<String, @Nullable Object> field : given.entrySet()) {
      if (field.getValue() != null && !FIELDS.get(type).contains(field.getKey())) {
        throw new InvalidInputException(
            "source." + field.getKey() + " does not belong to a source of type " + type + ".");
      }
    }
    switch (type) {
      case CredentialSourceRequest.ECR:
        return new CredentialSource.Ecr(
            matching("region", request.region(), REGION),
            matching("accessKeyId", request.accessKeyId(), ACCESS_KEY_ID),
            secret("secretAccessKey", request.secretAccessKey()),
            request.roleArn() == null ? null : matching("roleArn", request.roleArn(), ROLE_ARN),
            list("registryIds", request.registryIds(), ACCOUNT_ID, 0, 10));
      case CredentialSourceRequest.GAR:
        Plaintext key = secret("serviceAccountKey", request.serviceAccountKey());
        return new CredentialSource.Gar(
            key, clientEmail(key), list("registries", request.registries(), HOST, 1, 10));
      case CredentialSourceRequest.ACR:
        return new CredentialSource.Acr(
            matching("tenantId", request.tenantId(), ENTRA_ID),
            matching("clientId", request.clientId(), ENTRA_ID),
            secret("clientSecret", request.clientSecret()),
            acrRegistry(list("registries", request.registries(), HOST, 1, 1).get(0)));
      default:
        Plaintext privateKey = secret("privateKey", request.privateKey());
        RsaKeys.privateKey(privateKey, "source.privateKey");
        List<String> registries = list("registries", request.registries(), HOST, 0, 1);
        return new CredentialSource.GitHubApp(
            matching("appId", request.appId(), NUMBER),
            matching("installationId", request.installationId(), NUMBER),
            privateKey,
            registries.isEmpty() ? GHCR : registries.get(0));
    }
  }

  /** The source as JSON, to be sealed; it holds the credential. */
  public static Plaintext toStored(CredentialSource source) {
    ObjectNode node = JSON.createObjectNode().put("type", source.type());
    if (source instanceof CredentialSource.Ecr ecr) {
      node.put("region", ecr.region())
          .put("accessKeyId", ecr.accessKeyId())
          .put("secretAccessKey", ecr.secretAccessKey().reveal())
          .put("roleArn", ecr.roleArn());
      ecr.registryIds().forEach(node.putArray("registryIds")::add);
    } else if (source instanceof CredentialSource.Gar gar) {
      node.put("serviceAccountKey", gar.serviceAccountKey().reveal());
      gar.registries().forEach(node.putArray("registries")::add);
    } else if (source instanceof CredentialSource.Acr acr) {
      node.put("tenantId", acr.tenantId())
          .put("clientId", acr.clientId())
          .put("clientSecret", acr.clientSecret().reveal())
          .putArray("registries")
          .add(acr.registry());
    } else if (source instanceof CredentialSource.GitHubApp app) {
      node.put("appId", app.appId())
          .put("installationId", app.installationId())
          .put("privateKey", app.privateKey().reveal())
          .putArray("registries")
          .add(app.registry());
    }
    return Plaintext.of(JSON.writeValueAsString(node));
  }

  /** A source this system sealed before. */
  public CredentialSource fromStored(Plaintext stored) {
    return parse(
        JSON.readValue(
            new String(stored.utf8(), StandardCharsets.UTF_8), CredentialSourceRequest.class));
  }

  private static Map<String, @Nullable Object> fields(CredentialSourceRequest request) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("region", request.region());
    fields.put("accessKeyId", request.accessKeyId());
    fields.put("secretAccessKey", request.secretAccessKey());
    fields.put("roleArn", request.roleArn());
    fields.put("registryIds", request.registryIds());
    fields.put("serviceAccountKey", request.serviceAccountKey());
    fields.put("registries", request.registries());
    fields.put("tenantId", request.tenantId());
    fields.put("clientId", request.clientId());
    fields.put("clientSecret", request.clientSecret());
    fields.put("appId", request.appId());
    fields.put("installationId", request.installationId());
    fields.put("privateKey", request.privateKey());
    return fields;
  }

  private String acrRegistry(String registry) {
    if (acrSuffixes.stream().noneMatch(suffix -> registry.endsWith(suffix))) {
      throw new InvalidInputException(
          "source.registries must name an Azure Container Registry ending in "
              + String.join(" or ", acrSuffixes)
              + ".");
    }
    return registry;
  }

  private static String clientEmail(Plaintext key) {
    JsonNode json;
    try {
      json = JSON.readTree(new String(key.utf8(), StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      throw new InvalidInputException(
          "source.serviceAccountKey must be a service account's JSON key (not JSON).");
    }
    if (!json.isObject()
        || !"service_account".equals(json.path("type").asString(""))
        || !json.path("private_key").isString()) {
      throw new InvalidInputException(
          "source.serviceAccountKey must be a service account's JSON key, with \"type\":"
              + " \"service_account\", \"client_email\" and \"private_key\".");
    }
    String email = json.path("client_email").asString("");
    if (email.isEmpty() || email.length() > 320 || !email.contains("@")) {
      throw new InvalidInputException("source.serviceAccountKey has no usable \"client_email\".");
    }
    RsaKeys.privateKey(
        Plaintext.of(json.path("private_key").asString()), "source.serviceAccountKey.private_key");
    return email;
  }

  private static String matching(String field, @Nullable String value, Pattern pattern) {
    if (value == null || value.isEmpty()) {
      throw new InvalidInputException("source." + field + " is required.");
    }
    if (value.length() > 600 || !pattern.matcher(value).matches()) {
      throw new InvalidInputException("source." + field + " is not valid.");
    }
    return value;
  }

  private static Plaintext secret(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("source." + field + " is required.");
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET) {
      throw new InvalidInputException(
          "source." + field + " is larger than " + MAX_SECRET / 1024 + " KiB.");
    }
    return Plaintext.of(value);
  }

  private static List<String> list(
      String field, @Nullable List<String> values, Pattern pattern, int min, int max) {
    List<String> checked = new ArrayList<>();
    for (String value : values == null ? List.<String>of() : values) {
      checked.add(
          matching(field + "[]", value == null ? null : value.toLowerCase(Locale.ROOT), pattern));
    }
    if (checked.size() < min || checked.size() > max) {
      throw new InvalidInputException(
          "source."
              + field
              + (min == max
                  ? " must name exactly " + min + "."
                  : " must name " + min + " to " + max + "."));
    }
    return checked;
  }
}
