package org.registrysecrets.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigParser;
import org.registrysecrets.api.dockerconfig.ParsedDockerConfig;
import org.registrysecrets.api.wire.CredentialSourceRequest;
import org.registrysecrets.api.wire.DockerRegistrySecretChangeResponse;
import org.registrysecrets.api.wire.VerifyMode;
import org.registrysecrets.client.RegistrySecretsClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What create and update share: the name, the input forms, a local check before anything is sent,
 * and {@code --dry-run}, which prints the Kubernetes Secret and calls nothing.
 */
abstract class SecretWriteCommand extends ApiCommand {

  @Mixin DockerConfigOptions input;

  @Parameters(paramLabel = "NAME", description = "The secret's name (it never changes).")
  String name;

  @Option(names = "--dry-run", description = "Print what would be stored and call nothing.")
  boolean dryRun;

  /** json or yaml prints the response, or with {@code --dry-run} the Kubernetes Secret. */
  @Mixin OutputOptions output;

  @Option(
      names = "--verify",
      description = "Check the credentials with each registry first; store nothing if one refuses.")
  boolean verify;

  @Option(
      names = "--expires",
      paramLabel = "DATE",
      description =
          "When the credentials expire (2027-03-01 or 2027-03-01T12:00:00Z), for every registry"
              + " of the secret; the secret shows as expiring 7 days before.")
  @Nullable String expires;

  @Option(
      names = "--expires-in",
      paramLabel = "AGE",
      description = "As --expires, counted from now: 90d, 36h or 45m.")
  @Nullable String expiresIn;

  @Option(
      names = "--recheck",
      paramLabel = "EVERY",
      description =
          "Check the stored credentials with their registries every EVERY (1d, 6h) and alert"
              + " through webhooks when a registry refuses them; off ends the re-checks.")
  @Nullable String recheck;

  abstract DockerRegistrySecretChangeResponse send(
      RegistrySecretsClient client,
      String name,
      String dockerConfigJson,
      boolean verify,
      Map<String, Instant> expiresAt,
      @Nullable String recheck);

  /** Sends a cloud credential source instead of a config. */
  abstract DockerRegistrySecretChangeResponse send(
      RegistrySecretsClient client,
      String name,
      CredentialSourceRequest source,
      VerifyMode verify,
      @Nullable String recheck);

  abstract String pastTense();

  @Override
  public Integer call() {
    SecretName.of(name);
    PrintWriter out = out();
    PrintWriter err = err();
    CredentialSourceRequest source = input.credentialSource(environment());
    if (source != null) {
      if (dryRun || expires != null || expiresIn != null) {
        throw new UsageException(
            "--dry-run, --expires and --expires-in do not go with a cloud credential: the server"
                + " makes each login and knows when it expires.");
      }
      DockerRegistrySecretChangeResponse response =
          send(
              client(),
              name,
              source,
              verify ? VerifyMode.STRICT : VerifyMode.OFF,
              recheckInterval());
      if (!output.printStructured(out, response)) {
        out.println(summary(""));
      }
      return 0;
    }
    String dockerConfigJson = input.dockerConfigJson(environment(), err);
    ParsedDockerConfig parsed = DockerConfigParser.parse(dockerConfigJson);
    if (dryRun) {
      parsed.warnings().forEach(warning -> err.println("warning: " + warning));
      Object manifest = KubernetesManifest.secret(name, parsed.config());
      if (!output.printStructured(out, manifest)) {
        out.println(summary(" (dry run)"));
      }
      return 0;
    }
    Instant expiry = expiry();
    Map<String, Instant> expiresAt =
        expiry == null ? Map.of() : Map.of(RegistrySecretsClient.EVERY_REGISTRY, expiry);
    DockerRegistrySecretChangeResponse response =
        send(client(), name, dockerConfigJson, verify, expiresAt, recheckInterval());
    response.warnings().forEach(warning -> err.println("warning: " + warning));
    if (!output.printStructured(out, response)) {
      out.println(summary(""));
    }
    return 0;
  }

  /** {@code --recheck} as the API takes it: an ISO-8601 duration or {@code off}. */
  private @Nullable String recheckInterval() {
    if (recheck == null || recheck.equalsIgnoreCase("off")) {
      return recheck == null ? null : "off";
    }
    Duration every = Ages.parse(recheck);
    if (every == null || every.isZero()) {
      throw new UsageException("--recheck takes an interval such as 1d or 6h, or off.");
    }
    return every.toString();
  }

  private @Nullable Instant expiry() {
    if (expires != null && expiresIn != null) {
      throw new UsageException("Give --expires or --expires-in, not both.");
    }
    if (expiresIn != null) {
      Duration age = Ages.parse(expiresIn);
      if (age == null) {
        throw new UsageException("--expires-in takes an age such as 90d, 36h or 45m.");
      }
      return Instant.now().plus(age);
    }
    if (expires == null) {
      return null;
    }
    try {
      return expires.length() == 10
          ? LocalDate.parse(expires).atStartOfDay(ZoneOffset.UTC).toInstant()
          : OffsetDateTime.parse(expires).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException(
          "--expires takes a date such as 2027-03-01 or 2027-03-01T12:00:00Z.");
    }
  }

  /**
   * kubectl's line: {@code secret/NAME created}, or just {@code secret/NAME} for {@code -o name}.
   */
  private String summary(String suffix) {
    return output.names() ? "secret/" + name : "secret/" + name + " " + pastTense() + suffix;
  }
}
