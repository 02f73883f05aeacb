package org.registrysecrets.server.issuer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.registrysecrets.server.security.RevokedClients;

/**
 * What this replica knows of revoked service keys. Every API request asks it, so it is a bean of
 * its own, outside the transactional {@link ServiceKeyService}: through that class's proxy the
 * question cost an interceptor lookup per request.
 */
final class RevocationCache implements RevokedClients {

  private static final Duration CLOCK_SKEW_MARGIN = Duration.ofSeconds(5);

  private final JdbcServiceKeyRepository keys;
  private final Duration ttl;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, CachedRevocation> revocations = new ConcurrentHashMap<>();

  RevocationCache(JdbcServiceKeyRepository keys, Duration ttl) {
    this.keys = keys;
    this.ttl = ttl;
  }

  @Override
  public boolean isRevoked(String clientId) {
    Instant now = clock.instant();
    CachedRevocation cached = revocations.get(clientId);
    if (cached != null && cached.validUntil().isAfter(now)) {
      return cached.revoked();
    }
    boolean revoked = keys.find(clientId).map(ServiceKeyRecord::revoked).orElse(true);
    revocations.put(clientId, new CachedRevocation(revoked, now.plus(ttl)));
    return revoked;
  }

  /** This replica revoked the key: its tokens stop working here at once. */
  void revoked(String clientId) {
    revocations.put(clientId, new CachedRevocation(true, Instant.MAX));
  }

  /**
   * Learns the keys that any replica revoked lately. A cached "not revoked" lives at most the TTL,
   * so revocations older than that (plus a margin for clocks that differ between replicas) reach
   * this replica through the cache anyway.
   */
  void learnRecentRevocations() {
    Instant since = clock.instant().minus(ttl).minus(CLOCK_SKEW_MARGIN);
    for (String clientId : keys.revokedSince(since)) {
      revoked(clientId);
    }
  }

  private record CachedRevocation(boolean revoked, Instant validUntil) {}
}
