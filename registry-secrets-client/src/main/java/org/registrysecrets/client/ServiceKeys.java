package org.registrysecrets.client;

import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.wire.ServiceKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads service keys as SAP hands them out (extra fields such as {@code appname} are ignored). */
public final class ServiceKeys {

  static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private ServiceKeys() {}

  /**
   * @throws InvalidInputException if {@code json} is not a service key with clientid, clientsecret,
   *     url and serviceurls.AI_API_URL
   */
  public static ServiceKey parse(String json) {
    ServiceKey key;
    try {
      key = JSON.readValue(json, ServiceKey.class);
    } catch (JacksonException e) {
      throw new InvalidInputException("The service key is not valid JSON.");
    }
    if (key == null
        || blank(key.clientid())
        || blank(key.clientsecret())
        || blank(key.url())
        || key.serviceurls() == null
        || blank(key.serviceurls().aiApiUrl())) {
      throw new InvalidInputException(
          "The service key needs clientid, clientsecret, url and serviceurls.AI_API_URL.");
    }
    return key;
  }

  public static String toJson(ServiceKey key) {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(key);
  }

  @SuppressWarnings("NullAway") // fields of a parsed record may be missing
  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
