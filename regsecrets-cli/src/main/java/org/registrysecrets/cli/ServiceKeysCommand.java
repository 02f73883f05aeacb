package org.registrysecrets.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.ServiceKeyRole;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.api.wire.ServiceKeyInfo;
import org.registrysecrets.client.ServiceKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Service keys of Registry Secrets' embedded issuer (needs a key that may manage keys). */
@Command(
    name = "service-keys",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke service keys.",
    subcommands = {
      ServiceKeysCommand.Create.class,
      ServiceKeysCommand.ListKeys.class,
      ServiceKeysCommand.Revoke.class
    })
final class ServiceKeysCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Issues a key for a tenant and role. */
  @Command(name = "create", mixinStandardHelpOptions = true, description = "Issue a service key.")
  static final class Create extends ApiCommand {

    @Option(names = "--tenant", required = true, paramLabel = "TENANT")
    String tenant;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "viewer or editor (admin belongs to the bootstrap key alone).")
    String role;

    @Option(names = "--description", paramLabel = "TEXT", defaultValue = "")
    String description;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Write the key to FILE (owner-only) instead of stdout.")
    @Nullable Path out;

    @Override
    public Integer call() {
      ServiceKeyRole grantable;
      try {
        grantable = ServiceKeyRole.grantable(role);
      } catch (InvalidInputException e) {
        throw new UsageException("--role: " + e.getMessage());
      }
      ServiceKey key = client().createServiceKey(tenant, grantable.wireName(), description);
      PrintWriter stdout = out();
      if (out == null) {
        stdout.println(ServiceKeys.toJson(key));
        return 0;
      }
      LocalFiles.writeOwnerOnly(out, ServiceKeys.toJson(key));
      stdout.println(
          "Service key " + key.clientid() + " for tenant " + tenant + " written to " + out);
      return 0;
    }
  }

  /** Lists keys without their secrets. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List service keys.")
  static final class ListKeys extends ApiCommand {

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      List<ServiceKeyInfo> keys = client().serviceKeys();
      PrintWriter out = out();
      if (output.printStructured(out, keys)) {
        return 0;
      }
      if (output.names()) {
        keys.forEach(key -> out.println(key.clientid()));
        return 0;
      }
      Output.table(
          out,
          List.of("CLIENTID", "TENANT", "ROLE", "CREATED", "DESCRIPTION"),
          keys,
          List.of(
              ServiceKeyInfo::clientid,
              ServiceKeyInfo::tenant,
              ServiceKeyInfo::role,
              key -> key.createdAt().toString(),
              ServiceKeyInfo::description));
      return 0;
    }
  }

  /** Revokes a key; its tokens stop working. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a service key.")
  static final class Revoke extends ApiCommand {

    @Parameters(paramLabel = "CLIENTID")
    String clientId;

    @Override
    public Integer call() {
      client().revokeServiceKey(clientId);
      out().println("service key " + clientId + " revoked");
      return 0;
    }
  }
}
