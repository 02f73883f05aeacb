package org.registrysecrets.cli;

import java.io.PrintWriter;
import java.util.List;
import org.registrysecrets.api.wire.DockerRegistrySecretMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Shows one secret's metadata; the credentials never leave the server. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show a secret's metadata.")
final class GetCommand extends ApiCommand {

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
    DockerRegistrySecretMetadata secret = client().get(name).value();
    PrintWriter out = out();
    if (!Output.structured(out, format, secret)) {
      ListCommand.print(out, format, List.of(secret));
    }
    return 0;
  }
}
