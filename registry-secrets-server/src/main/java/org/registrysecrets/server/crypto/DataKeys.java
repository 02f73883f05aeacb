package org.registrysecrets.server.crypto;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.registrysecrets.api.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data keys: which exist, which is primary, how many rows each one sealed; a new primary key on
 * request; and disabling an old key once no row uses it. The keyset lives in one data folder:
 * replicas sharing a database need the same keyset (see the README).
 */
public class DataKeys {

  private static final Logger log = LoggerFactory.getLogger(DataKeys.class);

  private final KeysetStore store;
  private final TinkSecretCipher cipher;
  private final List<SealedRows> sealed;
  private KeysetHandle keyset;

  DataKeys(
      KeysetStore store, KeysetHandle keyset, TinkSecretCipher cipher, List<SealedRows> sealed) {
    this.store = store;
    this.keyset = keyset;
    this.cipher = cipher;
    this.sealed = List.copyOf(sealed);
  }

  /** One key: its id, whether it is enabled, whether it is primary, and the rows it sealed. */
  public record Key(long id, boolean enabled, boolean primary, long rows) {}

  public synchronized List<Key> keys() {
    Map<Long, Long> rows = rowsPerKey();
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < keyset.size(); i++) {
      KeysetHandle.Entry entry = keyset.getAt(i);
      long id = Integer.toUnsignedLong(entry.getId());
      keys.add(
          new Key(
              id,
              entry.getStatus() == KeyStatus.ENABLED,
              entry.isPrimary(),
              rows.getOrDefault(id, 0L)));
    }
    return keys;
  }

  public long primaryKeyId() {
    return cipher.primaryKeyId();
  }

  /** Makes a new key primary; older rows are sealed again in the background. */
  public synchronized long rotate() {
    try {
      keyset = store.rotate(keyset);
      cipher.use(keyset);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The data keyset could not be rotated", e);
    }
    log.info("Data key {} is primary now", primaryKeyId());
    return primaryKeyId();
  }

  /**
   * Disables an old key.
   *
   * @throws InvalidInputException if it is unknown, primary, or still seals rows
   */
  public synchronized void disable(long keyId) {
    Key key =
        keys().stream()
            .filter(candidate -> candidate.id() == keyId)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("There is no data key " + keyId + "."));
    if (key.primary()) {
      throw new InvalidInputException(
          "Data key " + keyId + " is primary; rotate first, then disable it once unused.");
    }
    if (key.rows() > 0) {
      throw new InvalidInputException(
          "Data key "
              + keyId
              + " still seals "
              + key.rows()
              + " rows; it can be disabled once they are sealed again.");
    }
    try {
      keyset = store.disable(keyset, keyId);
      cipher.use(keyset);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The data key could not be disabled", e);
    }
    log.info("Data key {} is disabled", keyId);
  }

  /** Seals up to {@code limit} rows per table again with the primary key; returns how many. */
  int resealBatch(int limit) {
    long primary = primaryKeyId();
    int resealed = 0;
    for (SealedRows rows : sealed) {
      resealed += rows.resealBatch(primary, limit);
    }
    return resealed;
  }

  private Map<Long, Long> rowsPerKey() {
    Map<Long, Long> total = new HashMap<>();
    for (SealedRows rows : sealed) {
      rows.rowsPerKey().forEach((key, count) -> total.merge(key, count, Long::sum));
    }
    return total;
  }
}
