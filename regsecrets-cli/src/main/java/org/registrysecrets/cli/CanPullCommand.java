package org.registrysecrets.cli;

import java.io.PrintWriter;
import java.util.List;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.wire.PullCheckResponse;
import org.registrysecrets.api.wire.PullCheckResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Asks whether a kubelet could pull images with a secret; exits 0 only if every one is pullable.
 */
@Command(
    name = "can-pull",
    mixinStandardHelpOptions = true,
    description = {
      "Check whether images can be pulled with a secret, without pulling them.",
      "Exits 0 only when every image is pullable, 1 otherwise."
    })
final class CanPullCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Parameters(index = "1..*", arity = "1..20", paramLabel = "IMAGE")
  List<String> images;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    PullCheckResponse response = client().pullCheck(SecretName.of(name).value(), images);
    PrintWriter out = out();
    if (!output.printStructured(out, response)) {
      Output.table(
          out,
          List.of("IMAGE", "STATUS", "REGISTRY", "DIGEST", "REASON"),
          response.results(),
          List.of(
              PullCheckResult::image,
              PullCheckResult::status,
              result -> result.registry() == null ? "-" : result.registry(),
              result -> result.digest() == null ? "-" : result.digest(),
              PullCheckResult::reason));
    }
    return response.results().stream().allMatch(PullCheckResult::pullable)
        ? 0
        : ErrorHandler.REFUSED;
  }
}
