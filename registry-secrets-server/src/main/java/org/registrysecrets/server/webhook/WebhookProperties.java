package org.registrysecrets.server.webhook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery ({@code REGSECRETS_WEBHOOKS_*}).
 *
 * @param allowedHosts hosts ({@code host} or {@code host:port}) that may receive events although
 *     they resolve to a loopback, private or link-local address; they may also use plain http
 * @param caFile PEM certificates trusted in addition to the JVM's
 * @param maxPerTenant how many webhooks one tenant may register
 * @param pollInterval how often each replica looks for due deliveries
 * @param firstRetry the wait after the first failed attempt; it doubles with each further one
 * @param maxBackoff the longest wait between attempts
 * @param giveUpAfter how long after the event a delivery is still attempted
 * @param keepDeliveries how long finished deliveries stay listed
 */
@ConfigurationProperties("regsecrets.webhooks")
public record WebhookProperties(
    @DefaultValue List<String> allowedHosts,
    @Nullable Path caFile,
    @DefaultValue("3s") Duration connectTimeout,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("10") int maxPerTenant,
    @DefaultValue("5s") Duration pollInterval,
    @DefaultValue("10s") Duration firstRetry,
    @DefaultValue("1h") Duration maxBackoff,
    @DefaultValue("24h") Duration giveUpAfter,
    @DefaultValue("30d") Duration keepDeliveries) {}
