package org.registrysecrets.server.audit;

import java.time.Instant;
import org.registrysecrets.server.tenant.TenantId;

/**
 * One audited action. It names the secret, never its data.
 *
 * @param actor the person's user name, or the service key's client id
 * @param origin where the actor signed in: {@code launchpad}, an identity provider's origin, or
 *     {@code api} for a service key
 * @param outcome {@code success}, or the stable error code that refused the action
 */
public record AuditEvent(
    Instant occurredAt,
    TenantId tenant,
    String actor,
    String origin,
    String action,
    String secretName,
    String outcome,
    String requestId) {

  public static final String SUCCESS = "success";
}
