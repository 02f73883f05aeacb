package org.registrysecrets.server.security;

import org.registrysecrets.server.tenant.TenantId;

/**
 * Who asks: the tenant whose secrets the call may touch, the actor recorded in the audit log, where
 * the actor came from and the request id that ties log lines, audit events and the response
 * together.
 *
 * @param actor the person's user name when the token names one ({@code user_name}), else the
 *     service key's client id
 * @param origin {@code launchpad} for a person acting in this server's Launchpad, the identity
 *     provider's {@code origin} claim for other personal tokens, else {@code api}
 */
public record Caller(TenantId tenant, String actor, String origin, String requestId) {

  /** The origin of calls made with a service key. */
  public static final String API = "api";
}
