package org.registrysecrets.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * The API or its token issuer could not be reached, did not answer in time, or answered with more
 * than a client reads.
 */
public class ApiUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ApiUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Says what went wrong calling {@code url} in words a user can act on. */
  static ApiUnreachableException calling(String url, IOException e) {
    return new ApiUnreachableException(describe(url, e), e);
  }

  private static String describe(String url, IOException e) {
    if (causedBy(e, HttpConnectTimeoutException.class)) {
      return "cannot connect to " + url + ": no answer to the connection attempt in time";
    }
    if (causedBy(e, ConnectException.class)) {
      return "cannot connect to " + url + ": connection refused — is the server running?";
    }
    if (causedBy(e, UnknownHostException.class) || causedBy(e, UnresolvedAddressException.class)) {
      return "cannot connect to " + url + ": the host name does not resolve";
    }
    if (causedBy(e, BoundedExchange.AnswerTooLargeException.class)) {
      return url + " answered with " + e.getMessage() + "; the rest was not read";
    }
    if (causedBy(e, HttpTimeoutException.class)) {
      return url + " did not answer in time";
    }
    return "cannot reach " + url + ": " + e.getClass().getSimpleName();
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
