package org.registrysecrets.server.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the audit trail is kept.
 *
 * @param retention events older than this are deleted (default 400 days: a year and a quarter, so
 *     that a yearly audit still finds last year's first quarter)
 * @param retentionInterval how often one replica looks for events to delete
 */
@ConfigurationProperties("regsecrets.audit")
public record AuditProperties(
    @DefaultValue("400d") Duration retention, @DefaultValue("1h") Duration retentionInterval) {}
