package org.registrysecrets.server.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.registrysecrets.server.instance.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the data keyset in {@code keyset.json} in the data folder (owner-only). A KMS-wrapped
 * keyset can replace it behind the same {@link SecretCipher}.
 */
class KeysetStore {

  static final String FILE_NAME = "keyset.json";
  private static final Logger log = LoggerFactory.getLogger(KeysetStore.class);

  private final DataDirectory dataDirectory;

  KeysetStore(DataDirectory dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  /** Loads the keyset, creating one with a single AES-256-GCM key on first start. */
  KeysetHandle loadOrCreate() throws GeneralSecurityException {
    byte[] stored = dataDirectory.readIfExists(FILE_NAME);
    if (stored != null) {
      return TinkJsonProtoKeysetFormat.parseKeyset(
          new String(stored, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
    }
    KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    save(handle);
    log.info("Created a new data keyset in {}", dataDirectory.resolve(FILE_NAME));
    return handle;
  }

  /** Adds a new primary key; old keys stay so that existing rows still open. */
  KeysetHandle rotate(KeysetHandle current) throws GeneralSecurityException {
    KeysetHandle rotated =
        KeysetHandle.newBuilder(current)
            .addEntry(
                KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId()
                    .makePrimary())
            .build();
    save(rotated);
    return rotated;
  }

  /**
   * Disables the key {@code keyId}: what it sealed no longer opens, so the caller must have made
   * sure that nothing uses it.
   */
  KeysetHandle disable(KeysetHandle current, long keyId) throws GeneralSecurityException {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
    // The builder keeps the handle's order, so the handle's entries tell the ids.
    for (int i = 0; i < current.size(); i++) {
      if (Integer.toUnsignedLong(current.getAt(i).getId()) == keyId) {
        builder.getAt(i).setStatus(KeyStatus.DISABLED);
      }
    }
    KeysetHandle disabled = builder.build();
    save(disabled);
    return disabled;
  }

  private void save(KeysetHandle handle) throws GeneralSecurityException {
    String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    dataDirectory.writeOwnerOnly(FILE_NAME, json.getBytes(StandardCharsets.UTF_8));
  }
}
