package org.registrysecrets.server.crypto;

import java.util.Map;

/**
 * A table whose rows hold ciphertexts, as its owning module knows it: how many rows each data key
 * sealed, and how to seal a few again with the primary key. Each module that stores sealed values
 * provides one, so that a key rotation reaches every row without this module knowing the tables.
 */
public interface SealedRows {

  /** The table, for progress reports. */
  String table();

  /** Rows per key id. */
  Map<Long, Long> rowsPerKey();

  /**
   * Opens up to {@code limit} rows not sealed with {@code primaryKeyId} and seals them again with
   * it, each in a short transaction of its own that changes the row only if nobody changed it
   * meanwhile; returns how many it re-sealed.
   */
  int resealBatch(long primaryKeyId, int limit);
}
