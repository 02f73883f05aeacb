package org.registrysecrets.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where the server spent its CPU under load: the hottest methods of a JFR recording. */
final class JfrSummary {

  private JfrSummary() {}

  /** The {@code limit} methods most often on top of the sampled stacks, with their share. */
  static List<String> hottest(Path recording, int limit) throws IOException, InterruptedException {
    Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
    Process process =
        new ProcessBuilder(
                jfr.toString(), "print", "--events", "jdk.ExecutionSample", recording.toString())
            .redirectErrorStream(true)
            .start();
    Map<String, Integer> counts = new HashMap<>();
    int samples = 0;
    boolean topFrameNext = false;
    for (String line : new String(process.getInputStream().readAllBytes()).split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("stackTrace = [")) {
        topFrameNext = true;
      } else if (topFrameNext && !trimmed.isEmpty()) {
        String method = trimmed.replaceAll("\\s+line:.*$", "");
        counts.merge(method, 1, Integer::sum);
        samples++;
        topFrameNext = false;
      }
    }
    process.waitFor();
    int total = Math.max(1, samples);
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(limit)
        .map(
            entry ->
                String.format(
                    java.util.Locale.ROOT,
                    "%.1f%% %s",
                    100.0 * entry.getValue() / total,
                    entry.getKey()))
        .toList();
  }
}
