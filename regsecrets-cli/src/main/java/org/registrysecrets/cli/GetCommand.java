package org.registrysecrets.cli;

import java.util.List;
import org.registrysecrets.api.wire.DockerRegistrySecretMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Shows one secret's metadata; the credentials never leave the server. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show a secret's metadata.")
final class GetCommand extends ApiCommand {

  @Parameters(paramLabel = "NAME")
  String name;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    DockerRegistrySecretMetadata secret = client().get(name).value();
    if (!output.printStructured(out(), secret)) {
      ListCommand.print(out(), output, List.of(secret));
    }
    return 0;
  }
}
