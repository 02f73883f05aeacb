package org.registrysecrets.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** Body of {@code GET /v2/admin/resourceQuota/dockerRegistrySecrets}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceQuotaResponse(@Nullable Usage usage, Quota quota) {

  /** How many secrets the tenant has. */
  public record Usage(long count) {}

  /** How many secrets the tenant may have. */
  public record Quota(long maxCount) {}
}
