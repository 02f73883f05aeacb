package org.registrysecrets.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * wrk (Debian's package), a load generator in C: a second opinion on our Java one, to show whether
 * the Java generator is itself a limit.
 */
final class Wrk {

  private static final Path BINARY = Path.of("/usr/bin/wrk");

  private Wrk() {}

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** GETs {@code url} on {@code connections} connections over two threads, closed loop. */
  static Measurement get(
      String name, int connections, Duration duration, String url, @Nullable String bearer)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                BINARY.toString(),
                "-t",
                Integer.toString(Math.min(2, connections)),
                "-c",
                Integer.toString(connections),
                "-d",
                Math.max(1, duration.toSeconds()) + "s",
                "--latency"));
    if (bearer != null) {
      command.addAll(List.of("-H", "Authorization: Bearer " + bearer));
    }
    command.add(url);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + output);
    }
    return new Measurement(
        name,
        connections,
        number(output, "Requests/sec:\\s+([0-9.]+)"),
        millis(output, "50%"),
        millis(output, "99%"),
        Double.NaN,
        (long) number(output, "Non-2xx or 3xx responses: ([0-9]+)")
            + (long) number(output, "Socket errors: connect ([0-9]+)"));
  }

  private static double number(String output, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(output);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }

  /** A percentile of the latency distribution, which wrk prints in us, ms or s. */
  private static double millis(String output, String percentile) {
    Matcher matcher = Pattern.compile(percentile + "\\s+([0-9.]+)(us|ms|s)\\b").matcher(output);
    if (!matcher.find()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(matcher.group(1));
    return switch (matcher.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }
}
