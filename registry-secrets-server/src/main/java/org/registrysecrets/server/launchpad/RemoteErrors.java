package org.registrysecrets.server.launchpad;

import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.wire.RegistryCheckResult;
import org.registrysecrets.client.ApiException;
import org.registrysecrets.client.ApiUnreachableException;
import org.registrysecrets.client.TokenRequestException;

/** Says in one sentence what went wrong with a call to an AI API; never a stack trace. */
public final class RemoteErrors {

  private RemoteErrors() {}

  /**
   * The technical detail behind an API's refusal, for the expandable part of a message: status,
   * code and request id; {@code null} for other failures.
   */
  public static @Nullable String detail(RuntimeException e) {
    if (e instanceof ApiException api) {
      return "HTTP "
          + api.status()
          + " · "
          + api.code()
          + (api.requestId() == null ? "" : " · request id " + api.requestId());
    }
    return null;
  }

  /** Whether a registry answered and refused the credentials (the check can be overridden). */
  public static boolean credentialsRefused(RuntimeException e) {
    return e instanceof ApiException api
        && api.registryResults().stream()
            .anyMatch(result -> RegistryCheckResult.INVALID_CREDENTIALS.equals(result.status()));
  }

  /** The message for {@code e}, or {@code null} if it is not an expected failure. */
  public static @Nullable String describe(RuntimeException e) {
    if (e instanceof ApiException api) {
      return api.getMessage();
    }
    if (e instanceof TokenRequestException token) {
      return "The connection's service key was refused: " + token.getMessage();
    }
    if (e instanceof ApiUnreachableException unreachable) {
      return unreachable.getMessage();
    }
    if (e instanceof InvalidInputException invalid) {
      return invalid.getMessage();
    }
    return null;
  }
}
