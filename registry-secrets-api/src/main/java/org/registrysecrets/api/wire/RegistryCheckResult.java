package org.registrysecrets.api.wire;

/**
 * What checking one registry's credentials found.
 *
 * @param registry the key of the {@code auths} entry
 * @param status {@code valid}, {@code invalid-credentials}, {@code unreachable}, {@code tls-error},
 *     {@code not-a-registry} or {@code anonymous}
 * @param reason one line for people; never a credential
 */
public record RegistryCheckResult(String registry, String status, String reason) {

  public static final String VALID = "valid";
  public static final String INVALID_CREDENTIALS = "invalid-credentials";
  public static final String UNREACHABLE = "unreachable";
  public static final String TLS_ERROR = "tls-error";
  public static final String NOT_A_REGISTRY = "not-a-registry";
  public static final String ANONYMOUS = "anonymous";

  /** Whether a secret with this result may be stored: the credentials work, or none are needed. */
  public boolean acceptable() {
    return status.equals(VALID) || status.equals(ANONYMOUS);
  }
}
