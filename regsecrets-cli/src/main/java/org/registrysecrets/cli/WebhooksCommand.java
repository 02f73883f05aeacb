package org.registrysecrets.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.wire.WebhookDeliveryInfo;
import org.registrysecrets.api.wire.WebhookEventTypes;
import org.registrysecrets.api.wire.WebhookInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The tenant's webhooks (Registry Secrets only; needs an editor key). */
@Command(
    name = "webhooks",
    mixinStandardHelpOptions = true,
    description = "Add, list and remove webhooks, and show their deliveries.",
    subcommands = {
      WebhooksCommand.Add.class,
      WebhooksCommand.ListWebhooks.class,
      WebhooksCommand.Remove.class,
      WebhooksCommand.Deliveries.class
    })
final class WebhooksCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Registers a receiver; the signing secret comes from the environment or is made here. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Send CloudEvents to URL, signed in X-Regsecrets-Signature: sha256=<HMAC-SHA256 of the"
            + " body>.",
        "Without --secret-env a random secret is made and printed once."
      })
  static final class Add extends ApiCommand {

    @Parameters(paramLabel = "URL")
    String url;

    @Option(
        names = "--secret-env",
        paramLabel = "VAR",
        description = "Take the signing secret (16 to 256 characters) from environment VAR.")
    @Nullable String secretEnv;

    @Option(
        names = "--event",
        paramLabel = "TYPE",
        description =
            "Receive only these event types (repeatable): expiring, expired, recheck.failed,"
                + " renewal.failed.")
    @Nullable List<String> events;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      boolean made = secretEnv == null;
      String secret = made ? newSecret() : environment().env().get(secretEnv);
      if (secret == null || secret.isEmpty()) {
        throw new UsageException("--secret-env: " + secretEnv + " is not set.");
      }
      List<String> types = events == null ? null : events.stream().map(Add::type).toList();
      WebhookInfo webhook = client().registerWebhook(url, secret, types);
      PrintWriter out = out();
      if (output.printStructured(out, webhook)) {
        return 0;
      }
      out.println("webhook/" + webhook.id() + " added");
      if (made) {
        out.println("signing secret (shown once): " + secret);
      }
      return 0;
    }

    private static String type(String event) {
      String full =
          event.startsWith("org.registrysecrets.") ? event : "org.registrysecrets.secret." + event;
      if (!WebhookEventTypes.ALL.contains(full)) {
        throw new UsageException(
            "--event takes expiring, expired, recheck.failed or renewal.failed.");
      }
      return full;
    }

    private static String newSecret() {
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      return HexFormat.of().formatHex(bytes);
    }
  }

  /** Lists the webhooks, never their secrets. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List webhooks.")
  static final class ListWebhooks extends ApiCommand {

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      List<WebhookInfo> webhooks = client().webhooks().resources();
      PrintWriter out = out();
      if (output.printStructured(out, webhooks)) {
        return 0;
      }
      if (output.names()) {
        webhooks.forEach(webhook -> out.println("webhook/" + webhook.id()));
        return 0;
      }
      Output.table(
          out,
          List.of("ID", "URL", "EVENTS", "CREATED", "BY"),
          webhooks,
          List.of(
              WebhookInfo::id,
              WebhookInfo::url,
              webhook ->
                  String.join(
                      ",",
                      webhook.events().stream()
                          .map(type -> type.replace("org.registrysecrets.secret.", ""))
                          .toList()),
              webhook -> webhook.createdAt().toString(),
              WebhookInfo::createdBy));
      return 0;
    }
  }

  /** Removes a webhook and its pending deliveries. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a webhook.")
  static final class Remove extends ApiCommand {

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      client().removeWebhook(id);
      out().println("webhook/" + id + " removed");
      return 0;
    }
  }

  /** The newest deliveries of a webhook: what was sent, and how it went. */
  @Command(
      name = "deliveries",
      mixinStandardHelpOptions = true,
      description = "Show a webhook's newest deliveries.")
  static final class Deliveries extends ApiCommand {

    @Parameters(paramLabel = "ID")
    String id;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      List<WebhookDeliveryInfo> deliveries = client().webhookDeliveries(id).resources();
      PrintWriter out = out();
      if (output.printStructured(out, deliveries)) {
        return 0;
      }
      Output.table(
          out,
          List.of("EVENT", "TYPE", "CREATED", "STATE", "ATTEMPTS", "LAST"),
          deliveries,
          List.of(
              WebhookDeliveryInfo::eventId,
              delivery -> delivery.type().replace("org.registrysecrets.secret.", ""),
              delivery -> delivery.createdAt().toString(),
              WebhookDeliveryInfo::state,
              delivery -> Integer.toString(delivery.attempts()),
              delivery -> delivery.lastOutcome() == null ? "" : delivery.lastOutcome()));
      return 0;
    }
  }
}
