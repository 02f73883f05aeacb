package org.registrysecrets.cli;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.wire.DockerRegistrySecretChangeResponse;
import org.registrysecrets.client.RegistrySecretsClient;
import picocli.CommandLine.Command;

/** Creates a secret, like {@code kubectl create secret docker-registry}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create a secret from --docker-* flags, a file, or a Docker config.")
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
  String pastTense() {
    return "created";
  }
}
