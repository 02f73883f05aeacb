package org.registrysecrets.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Prints results as kubectl does: a table for people, JSON or YAML for scripts, or names only. */
final class Output {

  static final JsonMapper JSON =
      JsonMapper.builder()
          .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /** The formats {@code -o} accepts. */
  enum Format {
    table,
    json,
    yaml,
    name
  }

  private Output() {}

  static void json(PrintWriter out, Object value) {
    out.println(JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
  }

  static void yaml(PrintWriter out, Object value) {
    out.print(YAML.writeValueAsString(JSON.valueToTree(value)));
  }

  /** Prints {@code value} as JSON or YAML; returns false for the formats the caller handles. */
  static boolean structured(PrintWriter out, Format format, Object value) {
    switch (format) {
      case json -> json(out, value);
      case yaml -> yaml(out, value);
      default -> {
        return false;
      }
    }
    return true;
  }

  /** A table with a header row and columns padded to their widest cell. */
  static <T> void table(
      PrintWriter out, List<String> headers, List<T> rows, List<Function<T, String>> columns) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(headers);
    for (T row : rows) {
      cells.add(columns.stream().map(column -> column.apply(row)).toList());
    }
    int[] widths = new int[headers.size()];
    for (List<String> line : cells) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    for (List<String> line : cells) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < line.size(); i++) {
        text.append(i == line.size() - 1 ? line.get(i) : pad(line.get(i), widths[i] + 3));
      }
      out.println(text.toString().stripTrailing());
    }
  }

  private static String pad(String value, int width) {
    return value + " ".repeat(Math.max(0, width - value.length()));
  }
}
