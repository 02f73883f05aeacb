package org.registrysecrets.api.wire;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /v2/admin/dockerRegistrySecrets/{name}/pull-check}: up to 20 image references
 * such as {@code ghcr.io/org/trainer:1.4} or {@code python}.
 */
public record PullCheckRequest(@Nullable List<String> images) {}
