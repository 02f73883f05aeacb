package org.registrysecrets.server.launchpad;

import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.client.ApiException;
import org.registrysecrets.client.ApiUnreachableException;
import org.registrysecrets.client.TokenRequestException;

/** Says in one sentence what went wrong with a call to an AI API; never a stack trace. */
public final class RemoteErrors {

  private RemoteErrors() {}

  /** The message for {@code e}, or {@code null} if it is not an expected failure. */
  public static @Nullable String describe(RuntimeException e) {
    if (e instanceof ApiException api) {
      return api.getMessage() + " (" + api.status() + " " + api.code() + ")";
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
