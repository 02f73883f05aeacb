package org.registrysecrets.server.issuer;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.ServiceKeyRole;

/** A stored service key: the client, its hashed secret, tenant and role. */
record ServiceKeyRecord(
    String clientId,
    String secretHash,
    String tenant,
    ServiceKeyRole role,
    String description,
    Instant createdAt,
    @Nullable Instant revokedAt) {

  boolean revoked() {
    return revokedAt != null;
  }
}
