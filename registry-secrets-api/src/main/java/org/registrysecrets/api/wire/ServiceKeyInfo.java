package org.registrysecrets.api.wire;

import java.time.Instant;

/** A service key as listed: everything but its secret. */
public record ServiceKeyInfo(
    String clientid, String tenant, String role, String description, Instant createdAt) {}
