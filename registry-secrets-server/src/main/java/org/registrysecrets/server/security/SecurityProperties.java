package org.registrysecrets.server.security;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How API tokens are checked.
 *
 * @param tenantClaim the claim that names the tenant ({@code zid}, as SAP XSUAA)
 * @param audience the audience a token must carry; empty accepts any (only sensible for an issuer
 *     that serves this API alone)
 * @param jwkSetUri an external issuer's JWKS, used when the embedded issuer is off
 * @param issuer the external issuer's {@code iss}; checked when set
 * @param maxTokenLifetime the longest a token may live ({@code exp} minus {@code iat}); a token
 *     without {@code exp} is refused
 */
@ConfigurationProperties("regsecrets.security")
public record SecurityProperties(
    @DefaultValue("zid") String tenantClaim,
    @DefaultValue("registry-secrets") List<String> audience,
    @Nullable String jwkSetUri,
    @Nullable String issuer,
    @DefaultValue("24h") Duration maxTokenLifetime) {}
