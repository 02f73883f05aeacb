package org.registrysecrets.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code regsecrets} in-process the way {@code main} does (same streams, same flushing), with
 * its own config folder, environment and stdin.
 */
final class Cli {

  private final Path configDir;
  private final Map<String, String> env = new HashMap<>();

  Cli(Path configDir) {
    this.configDir = configDir;
    env.put("REGSECRETS_CONFIG_DIR", configDir.toString());
    env.put("HOME", configDir.toString());
  }

  Cli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Path configDir() {
    return configDir;
  }

  Result run(String... args) {
    return runWithStdin("", args);
  }

  Result runWithStdin(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Regsecrets.run(
            new CliEnvironment(
                Map.copyOf(env),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                null),
            out,
            err,
            args);
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Exit status and what went to stdout and stderr. */
  record Result(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
