package org.registrysecrets.cli;

import java.io.Console;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the process gives the commands: environment, standard input and, on a terminal, the console.
 * Tests pass their own.
 */
record CliEnvironment(Map<String, String> env, InputStream stdin, @Nullable Console console) {

  static CliEnvironment system() {
    return new CliEnvironment(System.getenv(), System.in, System.console());
  }

  /**
   * {@code $REGSECRETS_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/regsecrets}, else {@code
   * ~/.config/regsecrets}.
   */
  Path configDir() {
    String explicit = env.get("REGSECRETS_CONFIG_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "regsecrets");
    }
    return Path.of(System.getProperty("user.home"), ".config", "regsecrets");
  }

  Path home() {
    String home = env.get("HOME");
    return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
  }
}
