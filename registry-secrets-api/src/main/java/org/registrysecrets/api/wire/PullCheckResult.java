package org.registrysecrets.api.wire;

import org.jspecify.annotations.Nullable;

/**
 * Whether a kubelet could pull one image with a secret, found without pulling: the registry's
 * answer to {@code HEAD /v2/<repository>/manifests/<tag or digest>} with the pull scope.
 *
 * @param image the reference as given
 * @param status {@code pullable}, {@code no-credentials} (the secret has no entry for the
 *     registry), {@code denied} (the registry refused the credentials for this repository), {@code
 *     not-found} (no such repository or tag), {@code unreachable} or {@code tls-error}
 * @param registry the {@code auths} key that was used, if one matched
 * @param digest the manifest's digest when pullable
 * @param mediaType the manifest's media type when pullable
 * @param reason one line for people; never a credential
 */
public record PullCheckResult(
    String image,
    String status,
    @Nullable String registry,
    @Nullable String digest,
    @Nullable String mediaType,
    String reason) {

  public static final String PULLABLE = "pullable";
  public static final String NO_CREDENTIALS = "no-credentials";
  public static final String DENIED = "denied";
  public static final String NOT_FOUND = "not-found";
  public static final String UNREACHABLE = "unreachable";
  public static final String TLS_ERROR = "tls-error";

  public boolean pullable() {
    return PULLABLE.equals(status);
  }
}
