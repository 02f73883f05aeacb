package org.registrysecrets.cli;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.wire.CredentialSourceRequest;
import org.registrysecrets.api.wire.DockerRegistrySecretChangeResponse;
import org.registrysecrets.api.wire.VerifyMode;
import org.registrysecrets.client.RegistrySecretsClient;
import picocli.CommandLine.Command;

/** Creates a secret, like {@code kubectl create secret docker-registry}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description =
        "Create a secret from --docker-* flags, a file, a Docker config, or a cloud credential"
            + " (ECR, GAR, ACR, GitHub App) whose logins the server renews.")
final class CreateCommand extends SecretWriteCommand {

  @Override
  DockerRegistrySecretChangeResponse send(
      RegistrySecretsClient client,
      String name,
      String dockerConfigJson,
      boolean verify,
      Map<String, Instant> expiresAt,
      @Nullable String recheck) {
    return client.create(name, dockerConfigJson, verify, expiresAt, recheck);
  }

  @Override
  DockerRegistrySecretChangeResponse send(
      RegistrySecretsClient client,
      String name,
      CredentialSourceRequest source,
      VerifyMode verify,
      @Nullable String recheck) {
    return client.create(name, source, verify, recheck);
  }

  @Override
  String pastTense() {
    return "created";
  }
}
