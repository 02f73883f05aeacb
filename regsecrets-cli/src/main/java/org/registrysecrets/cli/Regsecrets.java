package org.registrysecrets.cli;

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
    System.exit(commandLine(CliEnvironment.system()).execute(args));
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
