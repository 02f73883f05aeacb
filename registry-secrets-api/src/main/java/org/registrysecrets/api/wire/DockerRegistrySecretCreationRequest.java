package org.registrysecrets.api.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /v2/admin/dockerRegistrySecrets}. */
public record DockerRegistrySecretCreationRequest(
    @Nullable String name,
    @Nullable DockerRegistrySecretData data,
    @Nullable CredentialSourceRequest source,
    @JsonProperty("x-regsecrets") @Nullable RegistrySecretsExtension extension) {}
