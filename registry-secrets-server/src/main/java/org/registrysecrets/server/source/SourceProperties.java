package org.registrysecrets.server.source;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the vendors' token services are ({@code REGSECRETS_SOURCES_*}). Only an operator sets these
 * (a sovereign cloud, GitHub Enterprise, a test's local stand-in); users never name a host that the
 * server calls, except an ACR registry, which must carry one of {@code acrRegistrySuffixes}.
 *
 * @param ecrEndpoint the ECR API; absent: the SDK's endpoint for the source's region
 * @param stsEndpoint the STS API for role sources; absent: the SDK's regional endpoint
 * @param garTokenUri Google's OAuth token endpoint, used whatever a key's {@code token_uri} says
 * @param acrAuthorityHost the Microsoft Entra authority
 * @param acrExchangeEndpoint the ACR token exchange; absent: {@code
 *     https://<registry>/oauth2/exchange}
 * @param acrRegistrySuffixes the host suffixes an ACR registry may have
 * @param githubApiUrl the GitHub REST API
 * @param caFile PEM authorities trusted for these calls besides the JVM's
 * @param timeout for one exchange
 * @param renewalConcurrency how many renewals run at once
 */
@ConfigurationProperties("regsecrets.sources")
public record SourceProperties(
    @Nullable URI ecrEndpoint,
    @Nullable URI stsEndpoint,
    @DefaultValue("https://oauth2.googleapis.com/token") URI garTokenUri,
    @DefaultValue("https://login.microsoftonline.com/") URI acrAuthorityHost,
    @Nullable URI acrExchangeEndpoint,
    @DefaultValue({".azurecr.io", ".azurecr.cn", ".azurecr.us"}) List<String> acrRegistrySuffixes,
    @DefaultValue("https://api.github.com") URI githubApiUrl,
    @Nullable Path caFile,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("4") int renewalConcurrency) {}
