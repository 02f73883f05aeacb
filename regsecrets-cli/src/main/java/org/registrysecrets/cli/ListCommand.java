package org.registrysecrets.cli;

import java.io.PrintWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.wire.DockerRegistrySecretList;
import org.registrysecrets.api.wire.DockerRegistrySecretMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    if ((top != null && top < 0) || (skip != null && skip < 0)) {
      throw new UsageException("--top and --skip must not be negative.");
    }
    DockerRegistrySecretList list = client().list(top, skip, true);
    if (output.printStructured(out(), list)) {
      return 0;
    }
    if (list.resources().isEmpty() && !output.names()) {
      // As kubectl does: the note goes to stderr, so a pipe sees an empty list.
      err().println("No secrets.");
      return 0;
    }
    print(out(), output, list.resources());
    return 0;
  }

  /** Secrets as a table, or one name per line for {@code -o name}. */
  static void print(
      PrintWriter out, OutputOptions output, List<DockerRegistrySecretMetadata> secrets) {
    if (output.names()) {
      secrets.forEach(secret -> out.println(secret.name()));
      return;
    }
    Output.table(
        out,
        List.of("NAME", "REGISTRIES", "MODIFIED", "VERSION", "EXPIRES"),
        secrets,
        List.of(
            DockerRegistrySecretMetadata::name,
            secret -> String.join(", ", secret.registries().stream().sorted().toList()),
            secret -> secret.modifiedAt().toString(),
            secret -> Long.toString(secret.version()),
            secret ->
                secret.expiry() == null
                    ? "-"
                    : secret.expiry().expiresAt() + " (" + secret.expiry().state() + ")"));
  }
}
