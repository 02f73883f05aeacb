package org.registrysecrets.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code regsecrets} in-process, with its own config folder, environment and stdin. */
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
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        Regsecrets.commandLine(
            new CliEnvironment(
                Map.copyOf(env),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                null));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int status = commandLine.execute(args);
    return new Result(status, out.toString(), err.toString());
  }

  /** Exit status and what went to stdout and stderr. */
  record Result(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
