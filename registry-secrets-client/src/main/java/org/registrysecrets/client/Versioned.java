package org.registrysecrets.client;

import org.jspecify.annotations.Nullable;

/** A value with the {@code ETag} it was read with, to send back as {@code If-Match}. */
public record Versioned<T>(T value, @Nullable String etag) {}
