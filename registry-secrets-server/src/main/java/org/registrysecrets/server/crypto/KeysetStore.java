package org.registrysecrets.server.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.server.instance.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the data keyset in {@code keyset.json} in the data folder (owner-only): in the clear by
 * default, or wrapped with a key-encryption key held elsewhere ({@code
 * regsecrets.crypto.kek-file}), so that a copy of the data folder alone opens nothing.
 */
class KeysetStore {

  static final String FILE_NAME = "keyset.json";
  private static final Logger log = LoggerFactory.getLogger(KeysetStore.class);
  private static final byte[] WRAPPED_FOR =
      "registry-secrets data keyset".getBytes(StandardCharsets.UTF_8);
  static final String WRAP_COMMAND =
      "start once with REGSECRETS_KEK_FILE set and --regsecrets.crypto.wrap-keyset=true";

  private final DataDirectory dataDirectory;
  private final @Nullable Aead kek;
  private final boolean wrapPlain;

  KeysetStore(DataDirectory dataDirectory) {
    this(dataDirectory, null, false);
  }

  /**
   * @param kek wraps the keyset, or {@code null} to keep it in the clear
   * @param wrapPlain whether a keyset still in the clear may be wrapped now (the one-time switch)
   */
  KeysetStore(DataDirectory dataDirectory, @Nullable Aead kek, boolean wrapPlain) {
    this.dataDirectory = dataDirectory;
    this.kek = kek;
    this.wrapPlain = wrapPlain;
  }

  /** Loads the keyset, creating one with a single AES-256-GCM key on first start. */
  KeysetHandle loadOrCreate() throws GeneralSecurityException {
    byte[] stored = dataDirectory.readIfExists(FILE_NAME);
    if (stored != null) {
      return read(new String(stored, StandardCharsets.UTF_8));
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

  private KeysetHandle read(String json) throws GeneralSecurityException {
    boolean wrapped = json.contains("\"encryptedKeyset\"");
    Aead key = kek;
    if (wrapped) {
      if (key == null) {
        throw new IllegalStateException(
            "keyset.json is wrapped with a key-encryption key: set REGSECRETS_KEK_FILE to its file");
      }
      return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(json, key, WRAPPED_FOR);
    }
    KeysetHandle plain = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    if (key != null) {
      if (!wrapPlain) {
        throw new IllegalStateException(
            "keyset.json is not wrapped yet; to wrap it with the key-encryption key, "
                + WRAP_COMMAND);
      }
      save(plain);
      log.info("Wrapped the data keyset with the key-encryption key");
    }
    return plain;
  }

  private void save(KeysetHandle handle) throws GeneralSecurityException {
    Aead key = kek;
    String json =
        key == null
            ? TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get())
            : TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, key, WRAPPED_FOR);
    dataDirectory.writeOwnerOnly(FILE_NAME, json.getBytes(StandardCharsets.UTF_8));
  }
}
