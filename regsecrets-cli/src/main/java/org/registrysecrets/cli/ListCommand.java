package org.registrysecrets.cli;

import java.io.PrintWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.wire.DockerRegistrySecretList;
import org.registrysecrets.api.wire.DockerRegistrySecretMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the secrets, in name order. */
@Command(
    name = "list",
    aliases = "ls",
    mixinStandardHelpOptions = true,
    description = "List the secrets.")
final class ListCommand extends ApiCommand {

  @Option(names = "--top", paramLabel = "N", description = "At most N secrets.")
  @Nullable Integer top;

  @Option(names = "--skip", paramLabel = "N", description = "Skip the first N secrets.")
  @Nullable Integer skip;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json, yaml or name.")
  Output.Format format;

  @Override
  public Integer call() {
    if ((top != null && top < 0) || (skip != null && skip < 0)) {
      throw new UsageException("--top and --skip must not be negative.");
    }
    DockerRegistrySecretList list = client().list(top, skip, true);
    PrintWriter out = out();
    if (!Output.structured(out, format, list)) {
      print(out, format, list.resources());
    }
    return 0;
  }

  static void print(
      PrintWriter out, Output.Format format, List<DockerRegistrySecretMetadata> secrets) {
    if (format == Output.Format.name) {
      secrets.forEach(secret -> out.println(secret.name()));
      return;
    }
    Output.table(
        out,
        List.of("NAME", "REGISTRIES", "MODIFIED", "VERSION"),
        secrets,
        List.of(
            DockerRegistrySecretMetadata::name,
            secret -> String.join(",", secret.registries()),
            secret -> secret.modifiedAt().toString(),
            secret -> Long.toString(secret.version())));
  }
}
