package org.registrysecrets.server.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API.
 *
 * @param maxBodySize request bodies larger than this get 413
 * @param tenantRequestsPerSecond API calls one tenant may make per second, across all replicas (0:
 *     no limit); more get 429 with {@code Retry-After}
 * @param tenantBurst how many calls a tenant may make at once
 * @param tokenRequestsPerSecond token requests one client address may make per second, across all
 *     replicas
 * @param tokenBurst how many token requests a client address may make at once
 * @param requestDeadline an API call's change that is not committed this long after the request
 *     arrived is rolled back and answered 503: longer than the registry check (10 s) plus a write,
 *     shorter than clients wait
 */
@ConfigurationProperties("regsecrets.api")
public record ApiProperties(
    @DefaultValue("64KB") DataSize maxBodySize,
    @DefaultValue("200") double tenantRequestsPerSecond,
    @DefaultValue("400") double tenantBurst,
    @DefaultValue("50") double tokenRequestsPerSecond,
    @DefaultValue("100") double tokenBurst,
    @DefaultValue("15s") Duration requestDeadline) {}
