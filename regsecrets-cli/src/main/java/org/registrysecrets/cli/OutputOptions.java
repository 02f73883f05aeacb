package org.registrysecrets.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code -o/--output} option every printing command shares. */
final class OutputOptions {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json, yaml or name (default: ${DEFAULT-VALUE}).")
  Output.Format format = Output.Format.table;

  /**
   * Prints {@code value} as JSON or YAML if that was asked for; returns false for {@code table} and
   * {@code name}, which the command prints itself.
   */
  boolean printStructured(PrintWriter out, Object value) {
    return Output.structured(out, format, value);
  }

  boolean names() {
    return format == Output.Format.name;
  }
}
