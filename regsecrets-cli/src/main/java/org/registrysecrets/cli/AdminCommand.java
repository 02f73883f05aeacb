package org.registrysecrets.cli;

import java.io.PrintWriter;
import java.util.List;
import org.registrysecrets.api.wire.DataKeyInfo;
import org.registrysecrets.api.wire.DataKeyList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Operator tasks of the whole installation (needs the bootstrap key). */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "Operator tasks: the data keys that seal every stored credential.",
    subcommands = {
      AdminCommand.DataKeys.class,
      AdminCommand.RotateDataKey.class,
      AdminCommand.DisableDataKey.class
    })
final class AdminCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The keys, which one is primary, and the rows each still seals. */
  @Command(name = "data-keys", mixinStandardHelpOptions = true, description = "List the data keys.")
  static final class DataKeys extends ApiCommand {

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      return print(client().dataKeys(), output, out());
    }
  }

  /** A new primary key; the server seals the older rows again in the background. */
  @Command(
      name = "rotate-data-key",
      mixinStandardHelpOptions = true,
      description = "Make a new data key primary; older rows are sealed again in the background.")
  static final class RotateDataKey extends ApiCommand {

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      return print(client().rotateDataKey(), output, out());
    }
  }

  /** Retires an old key once nothing uses it. */
  @Command(
      name = "disable-data-key",
      mixinStandardHelpOptions = true,
      description = "Disable an old data key that no row uses any more.")
  static final class DisableDataKey extends ApiCommand {

    @Parameters(paramLabel = "ID")
    long id;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      return print(client().disableDataKey(id), output, out());
    }
  }

  private static int print(DataKeyList keys, OutputOptions output, PrintWriter out) {
    if (output.printStructured(out, keys)) {
      return 0;
    }
    Output.table(
        out,
        List.of("KEY", "STATUS", "PRIMARY", "ROWS"),
        keys.keys(),
        List.of(
            key -> Long.toString(key.id()),
            DataKeyInfo::status,
            key -> key.primary() ? "yes" : "",
            key -> Long.toString(key.rows())));
    out.println(
        keys.rowsToReseal() == 0
            ? "Every row is sealed with the primary key."
            : keys.rowsToReseal() + " rows still to seal again with the primary key.");
    return 0;
  }
}
