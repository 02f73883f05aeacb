package org.registrysecrets.api.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PATCH /v2/admin/dockerRegistrySecrets/{name}}; {@code name}, if given, must be the
 * name in the path.
 */
public record DockerRegistrySecretModificationRequest(
    @Nullable String name,
    @Nullable DockerRegistrySecretData data,
    @Nullable CredentialSourceRequest source,
    @JsonProperty("x-regsecrets") @Nullable RegistrySecretsExtension extension) {}
