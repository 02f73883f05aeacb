package org.registrysecrets.api.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A service key, shaped like SAP AI Core's: a client of the token issuer at {@code url} plus the
 * API's URL. It holds a client secret, so {@link #toString()} hides it.
 */
public record ServiceKey(
    String clientid,
    String clientsecret,
    String url,
    String identityzone,
    String identityzoneid,
    ServiceUrls serviceurls) {

  /** The service's endpoints. */
  public record ServiceUrls(@JsonProperty("AI_API_URL") String aiApiUrl) {}

  /** Where to request a token: {@code url + "/oauth/token"}. */
  public String tokenUrl() {
    return url.replaceAll("/+$", "") + "/oauth/token";
  }

  @Override
  public String toString() {
    return "ServiceKey[clientid=" + clientid + ", clientsecret=****, url=" + url + "]";
  }
}
