package org.registrysecrets.server.crypto;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The data keys ({@code REGSECRETS_CRYPTO_*}; the key file also as {@code REGSECRETS_KEK_FILE}).
 *
 * @param kekFile a key-encryption key outside the data folder that wraps {@code keyset.json}
 * @param wrapKeyset wraps a keyset still in the clear with {@code kekFile} at start (the one-time
 *     switch of an existing installation)
 * @param resealInterval how often rows under older keys are sealed again after a rotation
 */
@ConfigurationProperties("regsecrets.crypto")
public record CryptoProperties(
    @Nullable Path kekFile,
    @DefaultValue("false") boolean wrapKeyset,
    @DefaultValue("10s") Duration resealInterval) {}
