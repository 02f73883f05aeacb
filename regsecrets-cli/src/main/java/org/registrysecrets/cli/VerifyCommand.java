package org.registrysecrets.cli;

import java.io.PrintWriter;
import java.util.List;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.wire.RegistryCheckResult;
import org.registrysecrets.api.wire.RegistryVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Checks a stored secret's credentials with its registries; exits 1 if any refuses. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Check a stored secret's credentials with its registries.")
final class VerifyCommand extends ApiCommand {

  @Parameters(paramLabel = "NAME")
  String name;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    RegistryVerification verification = client().verify(SecretName.of(name).value());
    PrintWriter out = out();
    if (!output.printStructured(out, verification)) {
      Output.table(
          out,
          List.of("REGISTRY", "STATUS", "REASON"),
          verification.results(),
          List.of(
              RegistryCheckResult::registry,
              RegistryCheckResult::status,
              RegistryCheckResult::reason));
    }
    return verification.acceptable() ? 0 : ErrorHandler.REFUSED;
  }
}
