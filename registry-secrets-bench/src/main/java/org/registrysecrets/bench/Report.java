package org.registrysecrets.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The results: each target as a ratio (or figure) next to its goal, then every raw figure. */
final class Report {

  /** One target: a value, its unit, the goal, whether it was met. */
  record Target(String name, double value, String unit, String target, boolean met) {}

  private final List<Target> targets = new ArrayList<>();
  private final List<Measurement> measurements = new ArrayList<>();
  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  void atLeast(String name, double value, double goal, String unit) {
    targets.add(new Target(name, round(value), unit, ">= " + goal, value >= goal));
  }

  void atMost(String name, double value, double goal, String unit) {
    targets.add(new Target(name, round(value), unit, "<= " + goal, value <= goal));
  }

  void add(Measurement measurement) {
    measurements.add(measurement);
  }

  void figure(String name, Object value) {
    figures.put(name, value instanceof Double d ? round(d) : value);
  }

  void note(String note) {
    notes.add(note);
  }

  void write(Path markdown, Path json, String title) throws IOException {
    Files.createDirectories(markdown.toAbsolutePath().getParent());
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("targets", targets);
    document.put("measurements", measurements);
    document.put("figures", figures);
    document.put("notes", notes);
    Files.writeString(
        json,
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(document));

    StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
    md.append(
            "Every ratio compares the server with a ceiling measured on the same machine in the same run")
        .append(" (baseline and service alternating, median of the runs).\n\n");
    md.append("| target | value | goal | met |\n|---|---|---|---|\n");
    for (Target target : targets) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s %s | %s | %s |%n",
              target.name(),
              target.value(),
              target.unit(),
              target.target(),
              target.met() ? "yes" : "**no**"));
    }
    md.append(
        "\n## Measurements (medians)\n\n| scenario | connections | req/s | p50 ms | p99 ms | p99.9 ms | errors |\n|---|---|---|---|---|---|---|\n");
    for (Measurement m : measurements) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.0f | %.2f | %.2f | %.2f | %d |%n",
              m.name(),
              m.connections(),
              m.throughput(),
              m.p50(),
              m.p99(),
              m.p999(),
              m.errors()));
    }
    md.append("\n## Other figures\n\n");
    figures.forEach(
        (name, value) -> md.append("- ").append(name).append(": ").append(value).append('\n'));
    if (!notes.isEmpty()) {
      md.append("\n## Notes\n\n");
      notes.forEach(note -> md.append("- ").append(note).append('\n'));
    }
    Files.writeString(markdown, md.toString());
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
