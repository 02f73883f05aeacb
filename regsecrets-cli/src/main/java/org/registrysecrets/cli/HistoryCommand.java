package org.registrysecrets.cli;

import java.util.List;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.wire.SecretVersionInfo;
import org.registrysecrets.api.wire.SecretVersionList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The kept versions of a secret, newest first; never their content. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "List the kept versions of a secret (never their content).")
final class HistoryCommand extends ApiCommand {

  @Parameters(paramLabel = "NAME")
  String name;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    SecretVersionList versions = client().versions(SecretName.of(name).value());
    if (!output.printStructured(out(), versions)) {
      Output.table(
          out(),
          List.of("VERSION", "CREATED", "ACTOR", "ORIGIN", "REGISTRIES", "FINGERPRINT", "CURRENT"),
          versions.resources(),
          List.of(
              version -> Long.toString(version.version()),
              version -> version.createdAt().toString(),
              SecretVersionInfo::actor,
              SecretVersionInfo::origin,
              version -> String.join(", ", version.registries()),
              SecretVersionInfo::fingerprint,
              version -> version.current() ? "*" : ""));
    }
    return 0;
  }
}
