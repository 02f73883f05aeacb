package org.registrysecrets.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What anyone allowed to read may see of a secret: never its data.
 *
 * @param verification the last check against the registries, if there was one
 * @param sync the secret's state in Kubernetes, when the sync is on
 * @param expiry when the credentials expire, when known (Registry Secrets only)
 * @param recheck the scheduled re-check, when the secret has one (Registry Secrets only)
 * @param source where the credentials come from, when the server renews them (Registry Secrets
 *     only)
 */
public record DockerRegistrySecretMetadata(
    String name,
    Instant createdAt,
    Instant modifiedAt,
    List<String> registries,
    long version,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable RegistryVerification verification,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable DockerRegistrySecretSync sync,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable DockerRegistrySecretExpiry expiry,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable DockerRegistrySecretRecheck recheck,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable DockerRegistrySecretSource source) {

  public DockerRegistrySecretMetadata {
    registries = List.copyOf(registries);
  }
}
