package org.registrysecrets.cli;

import java.io.PrintWriter;
import java.util.List;
import org.registrysecrets.api.wire.ResourceQuotaResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** How many secrets the tenant has and may have. */
@Command(
    name = "quota",
    mixinStandardHelpOptions = true,
    description = "Show the tenant's secret quota.")
final class QuotaCommand extends ApiCommand {

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    ResourceQuotaResponse quota = client().quota();
    PrintWriter out = out();
    if (!output.printStructured(out, quota)) {
      Output.table(
          out,
          List.of("USED", "MAX"),
          List.of(quota),
          List.of(
              q -> q.usage() == null ? "-" : Long.toString(q.usage().count()),
              q -> Long.toString(q.quota().maxCount())));
    }
    return 0;
  }
}
