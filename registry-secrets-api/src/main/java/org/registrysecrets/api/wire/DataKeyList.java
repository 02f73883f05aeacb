package org.registrysecrets.api.wire;

import java.util.List;

/**
 * Answer of {@code GET /platform/v1/data-keys}.
 *
 * @param primary the id of the key new values are sealed with
 * @param rowsToReseal stored values still sealed with an older key (0 when a rotation is done)
 */
public record DataKeyList(long primary, long rowsToReseal, List<DataKeyInfo> keys) {

  public DataKeyList {
    keys = List.copyOf(keys);
  }
}
