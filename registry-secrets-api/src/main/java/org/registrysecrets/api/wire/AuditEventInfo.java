package org.registrysecrets.api.wire;

import java.time.Instant;

/**
 * One audit event as {@code GET /platform/v1/audit-events} lists it: who did what to which secret,
 * when, and how it ended. Never data.
 *
 * @param actor a person's user name, or a service key's client id
 * @param origin where the actor signed in: {@code launchpad}, an identity provider, or {@code api}
 *     for a service key
 * @param action {@code create}, {@code modify}, {@code delete} or {@code verify}
 * @param outcome {@code success}, or the error code that refused the action
 */
public record AuditEventInfo(
    Instant occurredAt,
    String actor,
    String origin,
    String action,
    String secretName,
    String outcome,
    String requestId) {}
