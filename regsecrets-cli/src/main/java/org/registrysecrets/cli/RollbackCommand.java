package org.registrysecrets.cli;

import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.wire.DockerRegistrySecretChangeResponse;
import org.registrysecrets.client.Versioned;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Makes a kept version's content the newest version of a secret. */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = "Make a kept version's content the newest version of a secret.")
final class RollbackCommand extends ApiCommand {

  @Parameters(paramLabel = "NAME")
  String name;

  @Option(
      names = "--to-version",
      required = true,
      paramLabel = "N",
      description = "The kept version to restore (see history).")
  long version;

  @Option(
      names = "--if-version",
      paramLabel = "N",
      description = "Only if the secret is still at version N.")
  @Nullable Long ifVersion;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    if (version < 1) {
      throw new UsageException("--to-version must be a version number from history.");
    }
    Versioned<DockerRegistrySecretChangeResponse> restored =
        client()
            .restore(
                SecretName.of(name).value(),
                version,
                ifVersion == null ? null : "\"" + ifVersion + "\"");
    if (!output.printStructured(out(), restored.value())) {
      String newVersion =
          restored.etag() == null ? "" : " as version " + restored.etag().replace("\"", "");
      out().println("secret/" + name + " rolled back to version " + version + newVersion);
    }
    return 0;
  }
}
