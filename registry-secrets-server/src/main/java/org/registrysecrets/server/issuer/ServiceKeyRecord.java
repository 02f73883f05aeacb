package org.registrysecrets.server.issuer;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored service key: the client, its hashed secret, tenant and role. */
record ServiceKeyRecord(
    String clientId,
    String secretHash,
    String tenant,
    String role,
    String description,
    Instant createdAt,
    @Nullable Instant revokedAt) {

  boolean revoked() {
    return revokedAt != null;
  }
}
