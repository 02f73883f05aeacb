package org.registrysecrets.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A secret a command needs, from stdin, an environment variable or a prompt; never a flag. */
final class Secrets {

  private Secrets() {}

  /**
   * @param fromStdin whether the user asked for stdin
   * @param variable the environment variable tried next
   * @param prompt what a console asks last
   * @param stdinFlag named in the refusal when there is no console
   */
  static String read(
      CliEnvironment environment,
      boolean fromStdin,
      String variable,
      String prompt,
      String stdinFlag) {
    String secret;
    if (fromStdin) {
      secret = stdin(environment);
    } else if (environment.env().get(variable) != null) {
      secret = environment.env().get(variable);
    } else if (environment.console() != null) {
      char[] typed = environment.console().readPassword("%s", prompt);
      secret = typed == null ? "" : new String(typed);
    } else {
      throw new UsageException("Give the secret with " + stdinFlag + " or $" + variable + ".");
    }
    if (secret.isEmpty()) {
      throw new UsageException("The secret is empty.");
    }
    return secret;
  }

  /** Reads stdin; one trailing line break is not part of the secret. */
  static String stdin(CliEnvironment environment) {
    try {
      byte[] bytes = environment.stdin().readNBytes(8192);
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.endsWith("\n")) {
        text = text.substring(0, text.length() - 1);
      }
      if (text.endsWith("\r")) {
        text = text.substring(0, text.length() - 1);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the secret from stdin", e);
    }
  }
}
