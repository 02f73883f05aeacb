package org.registrysecrets.server.audit;

import java.time.Instant;

/**
 * What a Launchpad user did through a remote AI API connection; the remote server records only the
 * connection's service key. Names the secret, never its data.
 *
 * @param outcome {@code success}, or the error code the remote API answered with
 */
public record LaunchpadAuditEvent(
    Instant occurredAt,
    String username,
    String connection,
    String action,
    String secretName,
    String outcome) {}
