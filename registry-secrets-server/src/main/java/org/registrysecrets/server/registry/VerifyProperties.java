package org.registrysecrets.server.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How credentials are checked against registries ({@code REGSECRETS_VERIFY_*}).
 *
 * @param allowedHosts hosts ({@code host} or {@code host:port}) that may be reached even though
 *     they resolve to a loopback, private or link-local address
 * @param caFile PEM certificates trusted in addition to the JVM's
 * @param insecureRegistries registries ({@code host[:port]}) that may be reached over plain http
 * @param connectTimeout per connection
 * @param timeout for a whole check, all registries together
 * @param maxResponseSize how much of any response is read
 */
@ConfigurationProperties("regsecrets.verify")
public record VerifyProperties(
    @DefaultValue List<String> allowedHosts,
    @Nullable Path caFile,
    @DefaultValue List<String> insecureRegistries,
    @DefaultValue("3s") Duration connectTimeout,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("64KB") DataSize maxResponseSize) {}
