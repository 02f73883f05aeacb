package org.registrysecrets.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.registrysecrets.api.wire.DockerRegistrySecretMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Shows one secret's metadata; the credentials never leave the server. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show a secret's metadata.")
final class GetCommand implements Callable<Integer> {

  @ParentCommand Regsecrets root;
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;

  @Parameters(paramLabel = "NAME")
  String name;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json, yaml or name.")
  Output.Format format;

  @Override
  public Integer call() {
    DockerRegistrySecretMetadata secret = connection.client(root.environment).get(name).value();
    PrintWriter out = spec.commandLine().getOut();
    if (!Output.structured(out, format, secret)) {
      ListCommand.print(out, format, List.of(secret));
    }
    return 0;
  }
}
