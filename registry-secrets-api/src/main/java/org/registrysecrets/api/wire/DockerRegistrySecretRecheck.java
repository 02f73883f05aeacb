package org.registrysecrets.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A secret's scheduled re-check (Registry Secrets only; additive in the metadata). The last result
 * is the metadata's {@code verification}.
 *
 * @param every how often, as an ISO-8601 duration
 * @param nextCheckAt when the next one is due
 * @param state the last re-check's verdict: {@code passing}, {@code failing} (a registry refused
 *     the credentials) or {@code inconclusive} (a registry could not be asked); absent before the
 *     first
 */
public record DockerRegistrySecretRecheck(
    String every,
    Instant nextCheckAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String state) {

  public static final String PASSING = "passing";
  public static final String FAILING = "failing";
  public static final String INCONCLUSIVE = "inconclusive";
}
