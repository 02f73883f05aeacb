package org.registrysecrets.cli;

import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.client.RegistrySecretsClient;
import org.registrysecrets.client.ServiceKeys;
import picocli.CommandLine.Option;

/**
 * Which service key a command uses: {@code --profile}, else {@code AICORE_SERVICE_KEY} (the JSON,
 * as SAP's SDKs read it), else the default profile.
 */
final class ConnectionOptions {

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "Profile saved by regsecrets login (default: AICORE_SERVICE_KEY, else \"default\").")
  @Nullable String profile;

  ServiceKey serviceKey(CliEnvironment environment) {
    String fromEnvironment = environment.env().get("AICORE_SERVICE_KEY");
    if (profile == null && fromEnvironment != null && !fromEnvironment.isBlank()) {
      return ServiceKeys.parse(fromEnvironment);
    }
    return new Profiles(environment.configDir()).load(profile == null ? Profiles.DEFAULT : profile);
  }

  RegistrySecretsClient client(CliEnvironment environment) {
    return RegistrySecretsClient.create(serviceKey(environment));
  }
}
