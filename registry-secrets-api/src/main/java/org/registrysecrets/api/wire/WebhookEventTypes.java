package org.registrysecrets.api.wire;

import java.util.List;

/** The CloudEvents {@code type}s a webhook can receive. */
public final class WebhookEventTypes {

  /** A secret's earliest expiry is 7 days, 24 hours or 1 hour away ({@code data.within}). */
  public static final String EXPIRING = "org.registrysecrets.secret.expiring";

  /** A secret's earliest expiry has passed. */
  public static final String EXPIRED = "org.registrysecrets.secret.expired";

  /** A scheduled re-check did not find every registry accepting the credentials. */
  public static final String RECHECK_FAILED = "org.registrysecrets.secret.recheck.failed";

  /** Renewing a secret's login from its credential source failed; the last good one stays. */
  public static final String RENEWAL_FAILED = "org.registrysecrets.secret.renewal.failed";

  public static final List<String> ALL = List.of(EXPIRING, EXPIRED, RECHECK_FAILED, RENEWAL_FAILED);

  /** The header that carries {@code sha256=<hex HMAC-SHA256 of the body>}. */
  public static final String SIGNATURE_HEADER = "X-Regsecrets-Signature";

  private WebhookEventTypes() {}
}
