package org.registrysecrets.api.wire;

import org.jspecify.annotations.Nullable;

/** Body of {@code POST /platform/v1/service-keys}. */
public record ServiceKeyCreationRequest(
    @Nullable String tenant, @Nullable String role, @Nullable String description) {}
