package org.registrysecrets.server.crypto;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link SealedRows} for a table with a ciphertext column and a {@code key_id} column: the owning
 * module names the columns that identify a row and how to seal one row's value again (open with its
 * context, seal with the primary key). Each row changes in one conditional update, so a write that
 * raced the re-seal wins and the row is taken up again in the next batch.
 */
public final class SealedTable implements SealedRows {

  /** Opens a row's ciphertext with the row's context and seals it again. */
  @FunctionalInterface
  public interface Reseal {
    Ciphertext reseal(List<Object> rowKey, Ciphertext stored);
  }

  private final JdbcClient jdbc;
  private final String table;
  private final String ciphertextColumn;
  private final List<String> keyColumns;
  private final Reseal reseal;

  public SealedTable(
      JdbcClient jdbc,
      String table,
      String ciphertextColumn,
      List<String> keyColumns,
      Reseal reseal) {
    this.jdbc = jdbc;
    this.table = table;
    this.ciphertextColumn = ciphertextColumn;
    this.keyColumns = List.copyOf(keyColumns);
    this.reseal = reseal;
  }

  @Override
  public String table() {
    return table;
  }

  @Override
  public Map<Long, Long> rowsPerKey() {
    Map<Long, Long> rows = new HashMap<>();
    jdbc.sql("select key_id, count(*) from " + table + " group by key_id")
        .query(
            rs -> {
              rows.put(rs.getLong(1), rs.getLong(2));
            });
    return rows;
  }

  @Override
  public int resealBatch(long primaryKeyId, int limit) {
    String keys = String.join(", ", keyColumns);
    List<Object[]> rows =
        jdbc.sql(
                "select "
                    + keys
                    + ", "
                    + ciphertextColumn
                    + ", key_id from "
                    + table
                    + " where key_id <> ? limit ?")
            .params(primaryKeyId, limit)
            .query(
                (rs, row) -> {
                  Object[] values = new Object[keyColumns.size() + 2];
                  for (int i = 0; i < keyColumns.size(); i++) {
                    values[i] = rs.getObject(i + 1);
                  }
                  values[keyColumns.size()] = rs.getBytes(keyColumns.size() + 1);
                  values[keyColumns.size() + 1] = rs.getLong(keyColumns.size() + 2);
                  return values;
                })
            .list();
    String where =
        String.join(" and ", keyColumns.stream().map(column -> column + " = ?").toList());
    int resealed = 0;
    for (Object[] row : rows) {
      List<Object> rowKey = List.of(row).subList(0, keyColumns.size());
      byte[] old = (byte[]) row[keyColumns.size()];
      long oldKey = (Long) row[keyColumns.size() + 1];
      Ciphertext fresh = reseal.reseal(rowKey, new Ciphertext(old, oldKey));
      List<Object> params = new ArrayList<>(List.of(fresh.bytes(), fresh.keyId()));
      params.addAll(rowKey);
      params.add(oldKey);
      params.add(old);
      resealed +=
          jdbc.sql(
                  "update "
                      + table
                      + " set "
                      + ciphertextColumn
                      + " = ?, key_id = ? where "
                      + where
                      + " and key_id = ? and "
                      + ciphertextColumn
                      + " = ?")
              .params(params)
              .update();
    }
    return resealed;
  }
}
