package org.registrysecrets.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything a server stored, as text, for leak searches: every column of every row, every file.
 */
public final class StoredText {

  private StoredText() {}

  /** Every value of every table in the public schema, bytes read as ISO-8859-1. */
  public static String database(JdbcClient jdbc) {
    StringBuilder dump = new StringBuilder();
    List<String> tables =
        jdbc.sql(
                "select table_name from information_schema.tables where lower(table_schema) = 'public'")
            .query(String.class)
            .list();
    assertThat(tables).isNotEmpty();
    for (String table : tables) {
      for (Map<String, Object> row :
          jdbc.sql("select * from \"" + table + "\"").query().listOfRows()) {
        for (Object value : row.values()) {
          dump.append(
                  value instanceof byte[] bytes
                      ? new String(bytes, StandardCharsets.ISO_8859_1)
                      : value)
              .append('\n');
        }
      }
    }
    return dump.toString();
  }

  /** The regular files under {@code directory}. */
  public static List<Path> files(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      List<Path> regular = new ArrayList<>(files.filter(Files::isRegularFile).toList());
      assertThat(regular).isNotEmpty();
      return regular;
    }
  }
}
