package org.registrysecrets.server.secret;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's quota of secrets.
 *
 * @param used how many it has, when that was asked for
 * @param maxCount how many it may have
 */
public record SecretQuota(@Nullable Long used, long maxCount) {}
