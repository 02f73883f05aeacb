package org.registrysecrets.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code regsecrets}: manage Docker registry secrets of an AI Core-compatible API. */
@Command(
    name = "regsecrets",
    mixinStandardHelpOptions = true,
    version = "regsecrets 0.1.0",
    description = "Manage Docker registry secrets of Registry Secrets or SAP AI Core.",
    subcommands = {
      LoginCommand.class,
      ListCommand.class,
      GetCommand.class,
      QuotaCommand.class,
      CreateCommand.class,
      UpdateCommand.class,
      DeleteCommand.class,
      VerifyCommand.class,
      CanPullCommand.class,
      HistoryCommand.class,
      RollbackCommand.class,
      AuditCommand.class,
      WebhooksCommand.class,
      AdminCommand.class,
      ServiceKeysCommand.class,
      CompletionCommand.class
    })
public final class Regsecrets implements Runnable {

  final CliEnvironment environment;

  @Spec CommandSpec spec;

  Regsecrets(CliEnvironment environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    System.exit(run(CliEnvironment.system(), System.out, System.err, args));
  }

  /**
   * Runs one command line with the given streams and returns its exit status. Everything printed is
   * flushed before this returns, whether or not a line ended it.
   */
  static int run(CliEnvironment environment, OutputStream out, OutputStream err, String... args) {
    PrintWriter stdout = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    PrintWriter stderr = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8));
    try {
      return commandLine(environment).setOut(stdout).setErr(stderr).execute(args);
    } finally {
      stdout.flush();
      stderr.flush();
    }
  }

  static CommandLine commandLine(CliEnvironment environment) {
    return new CommandLine(new Regsecrets(environment))
        .setExecutionExceptionHandler(new ErrorHandler())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
