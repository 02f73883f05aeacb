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
 * @param pkcs11 instead of a file, a key-encryption key inside a PKCS#11 token
 * @param wrapKeyset wraps a keyset still in the clear with {@code kekFile} at start (the one-time
 *     switch of an existing installation)
 * @param resealInterval how often rows under older keys are sealed again after a rotation
 */
@ConfigurationProperties("regsecrets.crypto")
public record CryptoProperties(
    @Nullable Path kekFile,
    @Nullable Pkcs11 pkcs11,
    @DefaultValue("false") boolean wrapKeyset,
    @DefaultValue("10s") Duration resealInterval) {

  /**
   * A key-encryption key in a PKCS#11 token ({@code REGSECRETS_CRYPTO_PKCS11_*}).
   *
   * @param config the SunPKCS11 configuration file: the token's library and slot
   * @param pin the token's user PIN
   * @param keyAlias the key's label in the token; made there on first use
   */
  public record Pkcs11(
      Path config, String pin, @DefaultValue("registry-secrets-kek") String keyAlias) {

    @Override
    public String toString() {
      return "Pkcs11[config=" + config + ", pin=****, keyAlias=" + keyAlias + "]";
    }
  }
}
