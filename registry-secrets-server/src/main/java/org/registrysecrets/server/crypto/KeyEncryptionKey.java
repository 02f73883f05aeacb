package org.registrysecrets.server.crypto;

import com.google.crypto.tink.AccessesPartialKey;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * A key-encryption key kept outside the data folder (a mounted Kubernetes Secret, a file only the
 * service account reads): 32 random bytes, base64, e.g. {@code head -c 32 /dev/urandom | base64}.
 * It wraps the data keyset with AES-256-GCM, so a copy of the data folder alone opens nothing.
 */
final class KeyEncryptionKey {

  private static final int KEY_BYTES = 32;

  private KeyEncryptionKey() {}

  /**
   * @throws IllegalStateException naming the file, if it is unreadable or not 32 bytes of base64
   */
  // Builds a key from its raw bytes, which is what a key file is.
  @AccessesPartialKey
  static Aead fromFile(Path file) {
    byte[] raw;
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("\\s", "");
      raw = Base64.getDecoder().decode(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the key-encryption key " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "The key-encryption key "
              + file
              + " is not base64 (make it with: head -c 32 /dev/urandom | base64)");
    }
    if (raw.length != KEY_BYTES) {
      throw new IllegalStateException(
          "The key-encryption key "
              + file
              + " holds "
              + raw.length
              + " bytes, not 32 (make it with: head -c 32 /dev/urandom | base64)");
    }
    try {
      AesGcmKey key =
          AesGcmKey.builder()
              .setParameters(
                  AesGcmParameters.builder()
                      .setKeySizeBytes(KEY_BYTES)
                      .setIvSizeBytes(12)
                      .setTagSizeBytes(16)
                      .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                      .build())
              .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
              .build();
      return KeysetHandle.newBuilder()
          .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
          .build()
          .getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The key-encryption key " + file + " is not usable", e);
    }
  }
}
