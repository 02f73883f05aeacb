package org.registrysecrets.server.issuer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded token issuer.
 *
 * @param enabled off when tokens come from an external issuer
 * @param tokenTtl how long an access token is valid
 * @param revocationCacheTtl how long a replica may trust its cached view of a key that was not
 *     revoked, should it miss a revocation poll
 * @param revocationPoll how often a replica asks which keys other replicas revoked lately
 * @param personalTokenTtl how long a token minted for a Launchpad user is valid; the Launchpad
 *     mints one per page request, so a few minutes cover the slowest call
 */
@ConfigurationProperties("regsecrets.issuer")
public record IssuerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1h") Duration tokenTtl,
    @DefaultValue("10s") Duration revocationCacheTtl,
    @DefaultValue("250ms") Duration revocationPoll,
    @DefaultValue("5m") Duration personalTokenTtl) {}
