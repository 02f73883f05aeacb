package org.registrysecrets.server.launchpad.secrets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.wire.CredentialSourceRequest;
import org.registrysecrets.api.wire.VerifyMode;
import org.registrysecrets.client.RegistrySecretsClient;

/**
 * What the Add and Edit dialogs post: a name (Add only), the secret in any accepted form, whether
 * to check it with the registry first, optionally the day its credentials expire, and how often the
 * server checks them again.
 */
record SecretForm(
    @Nullable String name,
    @Nullable String secret,
    @Nullable String verify,
    @Nullable String expires,
    @Nullable String recheck,
    @Nullable String kind,
    @Nullable String region,
    @Nullable String accessKeyId,
    @Nullable String secretAccessKey,
    @Nullable String roleArn,
    @Nullable String registryIds,
    @Nullable String serviceAccountKey,
    @Nullable String garRegistries,
    @Nullable String acrRegistry,
    @Nullable String tenantId,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @Nullable String appId,
    @Nullable String installationId,
    @Nullable String privateKey,
    @Nullable String gitHubRegistry) {

  /** The kind of credentials the dialog offers: a Docker config, or a cloud source. */
  static final String DOCKER = "docker";

  static final List<String> KINDS =
      List.of(
          DOCKER,
          CredentialSourceRequest.ECR,
          CredentialSourceRequest.GAR,
          CredentialSourceRequest.ACR,
          CredentialSourceRequest.GITHUB_APP);

  /**
   * The cloud credential the dialog gives, or {@code null} for a Docker config; the API checks the
   * fields.
   *
   * @throws InvalidInputException for an expiry with a cloud credential, or an unknown kind
   */
  @Nullable CredentialSourceRequest source() {
    String chosen = kind == null || kind.isBlank() ? DOCKER : kind;
    if (chosen.equals(DOCKER)) {
      return null;
    }
    if (!KINDS.contains(chosen)) {
      throw new InvalidInputException("Choose the kind of credentials.");
    }
    if (expires != null && !expires.isBlank()) {
      throw new InvalidInputException(
          "Logins from a cloud credential expire when the vendor says; leave Expires empty.");
    }
    switch (chosen) {
      case CredentialSourceRequest.ECR:
        return CredentialSourceRequest.ecr(
            text(region),
            text(accessKeyId),
            text(secretAccessKey),
            blankToNull(roleArn),
            list(registryIds).isEmpty() ? null : list(registryIds));
      case CredentialSourceRequest.GAR:
        return CredentialSourceRequest.gar(text(serviceAccountKey), list(garRegistries));
      case CredentialSourceRequest.ACR:
        return CredentialSourceRequest.acr(
            text(tenantId), text(clientId), text(clientSecret), text(acrRegistry));
      default:
        return CredentialSourceRequest.gitHubApp(
            text(appId), text(installationId), text(privateKey), blankToNull(gitHubRegistry));
    }
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A comma- or space-separated list, as people type one into a field. */
  private static List<String> list(@Nullable String value) {
    return value == null
        ? List.of()
        : Arrays.stream(value.split("[,\\s]+")).filter(item -> !item.isEmpty()).toList();
  }

  /**
   * The checkbox posts {@code advisory} (the Launchpad's default: only a refusal stops the save);
   * absent, or {@code false} after *Save anyway*, is no check.
   */
  VerifyMode verifyMode() {
    return VerifyMode.parse(verify == null || verify.isBlank() ? null : verify);
  }

  /** The expiry for every registry of the secret, as the API takes it; none if not given. */
  Map<String, Instant> expiresAt() {
    if (expires == null || expires.isBlank()) {
      return Map.of();
    }
    try {
      return Map.of(
          RegistrySecretsClient.EVERY_REGISTRY,
          LocalDate.parse(expires.strip()).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("Expires must be a date such as 2027-03-01.");
    }
  }

  /** The re-check interval as the API takes it ({@code P1D}, {@code off}); none keeps it. */
  @Nullable String recheckInterval() {
    return recheck == null || recheck.isBlank() ? null : recheck.strip();
  }

  @Override
  public String toString() {
    return "SecretForm[" + name + ", " + kind + ", credentials=****]";
  }
}
