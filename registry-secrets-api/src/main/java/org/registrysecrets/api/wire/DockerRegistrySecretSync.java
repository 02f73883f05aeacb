package org.registrysecrets.api.wire;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a secret stands in the Kubernetes cluster its workloads pull with.
 *
 * @param state {@code synced}, {@code pending} or {@code failed}
 * @param lastSuccessAt when the cluster last matched the secret
 * @param lastError the last delivery error, never with a credential
 * @param usedBy the ServiceAccounts and Pods that reference the secret ({@code kind/name})
 * @param images the images those Pods run, which would stop pulling without the secret
 */
public record DockerRegistrySecretSync(
    String state,
    @Nullable Instant lastSuccessAt,
    @Nullable String lastError,
    List<String> usedBy,
    List<String> images) {

  public static final String SYNCED = "synced";
  public static final String PENDING = "pending";
  public static final String FAILED = "failed";

  public DockerRegistrySecretSync {
    usedBy = List.copyOf(usedBy);
    images = images == null ? List.of() : List.copyOf(images);
  }
}
