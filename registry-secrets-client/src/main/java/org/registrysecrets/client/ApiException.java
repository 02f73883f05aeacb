package org.registrysecrets.client;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.wire.ErrorResponse;
import org.registrysecrets.api.wire.RegistryCheckResult;

/**
 * The API answered with an error. Carries the HTTP status and AI Core's error body; the message is
 * the API's own, which never holds a credential.
 */
public class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final @Nullable String requestId;
  private final transient Map<String, Object> details;

  public ApiException(int status, @Nullable ErrorResponse body) {
    super(
        body == null
            ? "The API answered " + status + " without an error body."
            : body.error().message());
    this.status = status;
    this.code = body == null ? "HTTP" + status : body.error().code();
    this.requestId = body == null ? null : body.error().requestId();
    this.details = body == null ? Map.of() : body.error().details();
  }

  public int status() {
    return status;
  }

  /** AI Core's stable error code, e.g. {@code NotFound}. */
  public String code() {
    return code;
  }

  public @Nullable String requestId() {
    return requestId;
  }

  public Map<String, Object> details() {
    return details;
  }

  /** The per-registry results of a refused credential check, if this is one. */
  public List<RegistryCheckResult> registryResults() {
    Object registries = details.get("registries");
    if (registries == null) {
      return List.of();
    }
    try {
      return List.of(ServiceKeys.JSON.convertValue(registries, RegistryCheckResult[].class));
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
