package org.registrysecrets.cli;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.wire.CredentialSourceRequest;
import org.registrysecrets.api.wire.DockerRegistrySecretChangeResponse;
import org.registrysecrets.api.wire.VerifyMode;
import org.registrysecrets.client.RegistrySecretsClient;
import picocli.CommandLine.Command;

/** Replaces a secret's credentials; its name stays. */
@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description = "Replace a secret's credentials (the name never changes).")
final class UpdateCommand extends SecretWriteCommand {

  @Override
  DockerRegistrySecretChangeResponse send(
      RegistrySecretsClient client,
      String name,
      String dockerConfigJson,
      boolean verify,
      Map<String, Instant> expiresAt,
      @Nullable String recheck) {
    return client.modify(name, dockerConfigJson, null, verify, expiresAt, recheck);
  }

  @Override
  DockerRegistrySecretChangeResponse send(
      RegistrySecretsClient client,
      String name,
      CredentialSourceRequest source,
      VerifyMode verify,
      @Nullable String recheck) {
    return client.modify(name, source, null, verify, recheck);
  }

  @Override
  String pastTense() {
    return "updated";
  }
}
