package org.registrysecrets.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.registrysecrets.api.SecretName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Deletes a secret after a yes on the terminal, or with {@code --yes}; never silently. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a secret.")
final class DeleteCommand extends ApiCommand {

  @Parameters(paramLabel = "NAME")
  String name;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask.")
  boolean yes;

  @Override
  public Integer call() {
    SecretName.of(name);
    PrintWriter out = out();
    var console = environment().console();
    if (!yes) {
      if (console == null) {
        throw new UsageException(
            "delete asks for confirmation and there is no terminal to ask on; pass --yes to"
                + " delete "
                + name
                + ".");
      }
      String answer =
          console.readLine(
              "Delete secret %s? Workflows and serving templates that use it will stop working."
                  + " [y/N] ",
              name);
      if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
        out.println("Not deleted.");
        return ErrorHandler.REFUSED;
      }
    }
    client().delete(name, null);
    out.println("secret/" + name + " deleted");
    return 0;
  }
}
