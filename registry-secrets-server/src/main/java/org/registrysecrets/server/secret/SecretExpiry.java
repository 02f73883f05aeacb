package org.registrysecrets.server.secret;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.wire.DockerRegistrySecretExpiry;
import org.registrysecrets.server.registry.LearnedExpiry;

/**
 * When a secret's credentials expire, per registry entry.
 *
 * @param registries the entry's key → its expiry and where it came from ({@code user}, {@code jwt},
 *     {@code ecr})
 */
public record SecretExpiry(Map<String, Entry> registries) {

  public static final String GIVEN = "user";

  public SecretExpiry {
    registries = Map.copyOf(registries);
  }

  /** One entry's expiry. */
  public record Entry(Instant expiresAt, String source) {}

  /**
   * The expiry of a config: what its credentials carry, overridden by what the user gave; {@code
   * null} if nothing is known.
   *
   * @throws InvalidInputException if {@code given} names a registry the config has no entry for
   */
  static @Nullable SecretExpiry of(DockerConfigJson config, Map<String, Instant> given) {
    List<String> registries = config.registries();
    for (String registry : given.keySet()) {
      if (!registries.contains(registry)) {
        throw new InvalidInputException(
            "x-regsecrets.registries names "
                + registry
                + ", which the secret has no entry for; its entries are "
                + String.join(", ", registries)
                + ".");
      }
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    LearnedExpiry.of(config)
        .forEach(
            (registry, learned) ->
                entries.put(registry, new Entry(learned.expiresAt(), learned.source())));
    given.forEach((registry, at) -> entries.put(registry, new Entry(at, GIVEN)));
    return entries.isEmpty() ? null : new SecretExpiry(entries);
  }

  /** The earliest expiry of any entry. */
  public Instant earliest() {
    return registries.values().stream()
        .map(Entry::expiresAt)
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  /**
   * {@link DockerRegistrySecretExpiry#EXPIRED}, {@link DockerRegistrySecretExpiry#EXPIRING} (within
   * {@code window}) or {@link DockerRegistrySecretExpiry#OK}, at {@code now}.
   */
  public String state(Instant now, Duration window) {
    Instant earliest = earliest();
    if (!earliest.isAfter(now)) {
      return DockerRegistrySecretExpiry.EXPIRED;
    }
    return earliest.isBefore(now.plus(window))
        ? DockerRegistrySecretExpiry.EXPIRING
        : DockerRegistrySecretExpiry.OK;
  }
}
